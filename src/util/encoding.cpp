#include "util/encoding.hpp"

#include "util/utf8.hpp"

namespace iom::util {

namespace {

// Windows-1252's bytes 0x80-0x9F (the WHATWG and Unicode mapping tables,
// https://www.unicode.org/Public/MAPPINGS/VENDORS/MICSFT/WINDOWS/CP1252.TXT);
// 0 where the code page defines no character.
constexpr char16_t k_cp1252_high[32] = {
    0x20ac, 0,      0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021,
    0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017d, 0,
    0,      0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014,
    0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0,      0x017e, 0x0178,
};

} // namespace

std::string_view encoding_name(Encoding encoding) {
  switch (encoding) {
  case Encoding::utf8:
    return "UTF-8";
  case Encoding::cp1252:
    return "Windows-1252";
  case Encoding::latin1:
    return "Latin-1";
  }
  return "UTF-8";
}

std::size_t append_transcoded(std::string &out, std::string_view raw,
                              Encoding encoding) {
  out.reserve(out.size() + raw.size() + raw.size() / 8);
  for (std::size_t i = 0; i < raw.size(); ++i) {
    const auto byte = static_cast<unsigned char>(raw[i]);
    if (byte < 0x80) {
      out += static_cast<char>(byte);
      continue;
    }
    char32_t cp = byte; // Latin-1 is the first 256 code points
    if (encoding == Encoding::cp1252 && byte < 0xa0) {
      cp = k_cp1252_high[byte - 0x80];
      if (cp == 0)
        return i;
    }
    append_utf8(out, cp);
  }
  return std::string_view::npos;
}

} // namespace iom::util
