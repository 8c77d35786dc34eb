#pragma once

// UTF-8 helpers for terminal output: validation, display width, escaping of
// control characters and truncation. No locale: wcwidth() depends on the
// locale and is slow, so widths come from compact range tables.

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
