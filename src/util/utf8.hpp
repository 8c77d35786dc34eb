#pragma once

// The one UTF-8 layer: decoding, encoding, validation, what a control
// character is, display width, escaping of control characters and
// truncation. No locale: wcwidth() depends on the locale and is slow, so
// widths come from range tables that src/util/gen_unicode_tables.py
// generates from the Unicode Character Database.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace iom::util {

struct CodePoint {
  char32_t value;      // U+FFFD when !valid
  std::uint8_t length; // bytes consumed, at least 1
  bool valid;
};

// Decodes the sequence starting at s[pos] (pos < s.size()). Overlongs,
// surrogates and values above U+10FFFF are invalid. An ill-formed sequence
// consumes its maximal subpart, so replacing each with one U+FFFD follows
// the Unicode recommendation (and Python's errors="replace").
CodePoint decode_utf8(std::string_view s, std::size_t pos);

bool valid_utf8(std::string_view s);

// The offset of the first byte of s that starts no valid UTF-8 sequence, or
// std::string_view::npos. ASCII runs are skipped eight bytes at a time: this
// checks every byte of batch input.
std::size_t first_invalid_utf8(std::string_view s);

// How many of s's last bytes (0-3) are the start of a sequence that s ends
// before completing, and that more bytes could still complete: a reader
// that splits input into reads carries them over to the next one.
std::size_t incomplete_utf8_tail(std::string_view s);

// Appends the UTF-8 encoding of cp, which must be a Unicode scalar value.
void append_utf8(std::string &out, char32_t cp);

// The control characters: C0 (U+0000-U+001F), DEL (U+007F) and C1
// (U+0080-U+009F). Terminals act on them instead of drawing them.
constexpr bool is_control(char32_t cp) {
  return cp < 0x20 || (cp >= 0x7f && cp < 0xa0);
}

// True when s holds a control character. Checked byte by byte, without
// decoding: a byte below 0x20, 0x7F, or a C2 byte followed by a byte below
// A0 (in valid UTF-8, exactly U+0080-U+009F). Other invalid bytes are not
// controls; escape_control is the function for untrusted text.
bool has_control(std::string_view s);

// True when escape_control(s) would change s.
bool needs_escape(std::string_view s);

// Makes text safe for a terminal: each byte of a C0 control, DEL, a C1
// control (U+0080-U+009F, two bytes) or an invalid sequence becomes \xHH
// (lowercase hex, so ESC is \x1b). Backslash is kept as is.
std::string escape_control(std::string_view s);
void append_escaped_control(std::string &out, std::string_view s);

// Terminal columns: combining marks and other zero-width characters 0, East
// Asian wide/fullwidth and emoji 2, others 1. An emoji with skin-tone
// modifiers or ZWJ-joined emoji counts 2, and so does a regional-indicator
// flag pair. Control characters and invalid bytes count as their escaped
// form (4 columns per byte), so display_width(s) equals
// display_width(escape_control(s)).
int display_width(std::string_view s);

// Cuts s to at most width columns, ending with "…" when it cuts. Never splits
// a UTF-8 sequence or a user-perceived character (base + combining marks,
// flag pair, emoji sequence).
std::string truncate_to_width(std::string_view s, int width);

} // namespace iom::util
