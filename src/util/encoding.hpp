#pragma once

// The encodings batch input may arrive in. Output is always UTF-8: input in
// Windows-1252 or Latin-1 (as spreadsheet exports often are) is transcoded
// as it is read, and UTF-8 input is checked, so that a misread byte is an
// error naming its line instead of a silent "no match".

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace iom::util {

enum class Encoding : std::uint8_t { utf8, cp1252, latin1 };

// "UTF-8", "Windows-1252", "Latin-1".
std::string_view encoding_name(Encoding encoding);

// Appends `raw`, in a single-byte encoding (cp1252 or latin1), to `out` as
// UTF-8. Returns the offset of the first byte the encoding does not define
// (Windows-1252 leaves 0x81, 0x8D, 0x8F, 0x90 and 0x9D undefined), having
// appended what precedes it; std::string_view::npos when every byte is
// defined.
std::size_t append_transcoded(std::string &out, std::string_view raw,
                              Encoding encoding);

} // namespace iom::util
