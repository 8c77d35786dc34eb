#include "util/utf8.hpp"

#include <bit>
#include <cstdint>
#include <cstring>

#include <algorithm>
#include <iterator>

namespace iom::util {

namespace {

struct Range {
  char32_t first;
  char32_t last;
};

// k_zero_width and k_wide, sorted and disjoint; see the script for what
// goes in which.
#include "util/width_tables.inc"

constexpr char32_t k_zwj = 0x200d;
constexpr int k_escaped_byte_width = 4; // "\xHH"
constexpr char k_hex[] = "0123456789abcdef";

template <std::size_t N> bool in_table(const Range (&table)[N], char32_t cp) {
  const auto *it =
      std::upper_bound(std::begin(table), std::end(table), cp,
                       [](char32_t c, const Range &r) { return c < r.first; });
  return it != std::begin(table) && cp <= std::prev(it)->last;
}

int code_point_width(char32_t cp) {
  if (cp < 0x300) {
    return 1;
  }
  if (in_table(k_zero_width, cp)) {
    return 0;
  }
  return in_table(k_wide, cp) ? 2 : 1;
}

bool is_regional_indicator(char32_t cp) {
  return cp >= 0x1f1e6 && cp <= 0x1f1ff;
}

bool is_emoji_modifier(char32_t cp) { return cp >= 0x1f3fb && cp <= 0x1f3ff; }

bool is_continuation(unsigned char c) { return (c & 0xc0) == 0x80; }

void append_hex_escape(std::string &out, unsigned char c) {
  out += "\\x";
  out += k_hex[c >> 4];
  out += k_hex[c & 0xf];
}

struct Cluster {
  std::size_t end;
  int width;
};

// One user-perceived character, as far as terminal width goes: a base and the
// zero-width marks after it, a flag pair, or an emoji with its modifiers and
// ZWJ-joined emoji. Simpler than UAX #29, but it never splits what a
// terminal draws as one cell group.
Cluster next_cluster(std::string_view s, std::size_t pos) {
  const CodePoint base = decode_utf8(s, pos);
  if (!base.valid) {
    return {pos + 1, k_escaped_byte_width};
  }
  if (is_control(base.value)) {
    return {pos + base.length, k_escaped_byte_width * base.length};
  }
  int width = code_point_width(base.value);
  std::size_t end = pos + base.length;
  if (is_regional_indicator(base.value) && end < s.size()) {
    const CodePoint next = decode_utf8(s, end);
    if (next.valid && is_regional_indicator(next.value)) {
      end += next.length;
      width = 2;
    }
  }
  char32_t previous = base.value;
  while (end < s.size()) {
    const CodePoint next = decode_utf8(s, end);
    if (!next.valid || is_control(next.value)) {
      break;
    }
    const int next_width = code_point_width(next.value);
    const bool joins = next_width == 0 ||
                       (width == 2 && is_emoji_modifier(next.value)) ||
                       (width == 2 && previous == k_zwj && next_width == 2);
    if (!joins) {
      break;
    }
    previous = next.value;
    end += next.length;
  }
  return {end, width};
}

} // namespace

CodePoint decode_utf8(std::string_view s, std::size_t pos) {
  const auto byte = [&](std::size_t i) {
    return static_cast<unsigned char>(s[pos + i]);
  };
  const unsigned char lead = byte(0);
  if (lead < 0x80) {
    return {lead, 1, true};
  }
  constexpr CodePoint k_invalid_byte = {0xfffd, 1, false};
  int length = 0;
  char32_t value = 0;
  // The allowed range of the second byte excludes overlongs, surrogates and
  // values above U+10FFFF (Unicode table 3-7).
  unsigned char low = 0x80;
  unsigned char high = 0xbf;
  if (lead >= 0xc2 && lead <= 0xdf) {
    length = 2;
    value = lead & 0x1f;
  } else if (lead >= 0xe0 && lead <= 0xef) {
    length = 3;
    value = lead & 0x0f;
    low = lead == 0xe0 ? 0xa0 : 0x80;
    high = lead == 0xed ? 0x9f : 0xbf;
  } else if (lead >= 0xf0 && lead <= 0xf4) {
    length = 4;
    value = lead & 0x07;
    low = lead == 0xf0 ? 0x90 : 0x80;
    high = lead == 0xf4 ? 0x8f : 0xbf;
  } else {
    return k_invalid_byte;
  }
  const std::size_t available = s.size() - pos;
  for (int i = 1; i < length; ++i) {
    if (static_cast<std::size_t>(i) >= available) {
      return {0xfffd, static_cast<std::uint8_t>(i), false};
    }
    const unsigned char c = byte(i);
    if (i == 1 ? (c < low || c > high) : !is_continuation(c)) {
      return {0xfffd, static_cast<std::uint8_t>(i), false};
    }
    value = (value << 6) | (c & 0x3f);
  }
  return {value, static_cast<std::uint8_t>(length), true};
}

bool valid_utf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    const CodePoint cp = decode_utf8(s, i);
    if (!cp.valid) {
      return false;
    }
    i += cp.length;
  }
  return true;
}

std::size_t first_invalid_utf8(std::string_view s) {
  constexpr std::uint64_t k_high = 0x8080808080808080ULL;
  // The high bits of eight bytes, the byte at p in the lowest, so that
  // countr_zero finds the first byte of 0x80 or above.
  const auto high_bits = [](const char *p) {
    std::uint64_t word;
    std::memcpy(&word, p, sizeof word);
    if constexpr (std::endian::native == std::endian::big)
      word = __builtin_bswap64(word);
    return word & k_high;
  };
  const std::size_t n = s.size();
  std::size_t i = 0;
  while (i < n) {
    // ASCII, 32 bytes and then 8 at a time: one test for four words. Where
    // a test fails, on to the first byte that is not ASCII, not byte by
    // byte: in names, an accented letter comes every few words.
    if (i + 32 <= n) {
      // Four loads, not a copy of 32 bytes (GCC copies such an array
      // through the stack).
      const char *p = s.data() + i;
      std::uint64_t a, b, c, d;
      std::memcpy(&a, p, 8);
      std::memcpy(&b, p + 8, 8);
      std::memcpy(&c, p + 16, 8);
      std::memcpy(&d, p + 24, 8);
      if (((a | b | c | d) & k_high) == 0) {
        i += 32;
        continue;
      }
      std::uint64_t high = 0;
      while ((high = high_bits(s.data() + i)) == 0)
        i += 8;
      i += static_cast<std::size_t>(std::countr_zero(high) / 8);
    } else if (i + 8 <= n) {
      const std::uint64_t high = high_bits(s.data() + i);
      if (high == 0) {
        i += 8;
        continue;
      }
      i += static_cast<std::size_t>(std::countr_zero(high) / 8);
    } else if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    // A two-byte sequence (Latin letters with accents) as decode_utf8
    // accepts it, inline; any other through decode_utf8.
    const auto lead = static_cast<unsigned char>(s[i]);
    if (lead >= 0xc2 && lead <= 0xdf && i + 1 < n &&
        is_continuation(static_cast<unsigned char>(s[i + 1]))) {
      i += 2;
      continue;
    }
    const CodePoint cp = decode_utf8(s, i);
    if (!cp.valid)
      return i;
    i += cp.length;
  }
  return std::string_view::npos;
}

std::size_t incomplete_utf8_tail(std::string_view s) {
  // Look back over at most three bytes for the lead byte of the last
  // sequence; it is incomplete when it needs more bytes than follow it and
  // what follows is a valid prefix (decode_utf8 stops at the end of s).
  const std::size_t n = s.size();
  for (std::size_t back = 1; back <= 3 && back <= n; ++back) {
    const auto byte = static_cast<unsigned char>(s[n - back]);
    if ((byte & 0xc0) == 0x80)
      continue; // a continuation byte: the lead is further back
    if (byte < 0xc2 || byte > 0xf4)
      return 0;
    const std::size_t need = byte < 0xe0 ? 2 : byte < 0xf0 ? 3 : 4;
    if (need <= back)
      return 0;
    const CodePoint cp = decode_utf8(s, n - back);
    return cp.length == back ? back : 0;
  }
  return 0;
}

void append_utf8(std::string &out, char32_t cp) {
  const auto byte = [&](char32_t bits) {
    out += static_cast<char>(static_cast<unsigned char>(bits));
  };
  if (cp < 0x80) {
    byte(cp);
  } else if (cp < 0x800) {
    byte(0xc0 | (cp >> 6));
    byte(0x80 | (cp & 0x3f));
  } else if (cp < 0x10000) {
    byte(0xe0 | (cp >> 12));
    byte(0x80 | ((cp >> 6) & 0x3f));
    byte(0x80 | (cp & 0x3f));
  } else {
    byte(0xf0 | (cp >> 18));
    byte(0x80 | ((cp >> 12) & 0x3f));
    byte(0x80 | ((cp >> 6) & 0x3f));
    byte(0x80 | (cp & 0x3f));
  }
}

bool has_control(std::string_view s) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80 ? is_control(c)
                 : c == 0xc2 && i + 1 < s.size() &&
                       static_cast<unsigned char>(s[i + 1]) < 0xa0)
      return true;
  }
  return false;
}

bool needs_escape(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c < 0x7f) {
      ++i;
      continue;
    }
    if (c < 0x80) {
      return true;
    }
    const CodePoint cp = decode_utf8(s, i);
    if (!cp.valid || is_control(cp.value)) {
      return true;
    }
    i += cp.length;
  }
  return false;
}

void append_escaped_control(std::string &out, std::string_view s) {
  std::size_t run = 0; // start of the bytes not yet appended
  std::size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c < 0x7f) {
      ++i;
      continue;
    }
    std::size_t length = 1;
    if (c >= 0x80) {
      const CodePoint cp = decode_utf8(s, i);
      if (cp.valid && !is_control(cp.value)) {
        i += cp.length;
        continue;
      }
      // An invalid sequence is escaped one byte at a time: the next byte is
      // then either a fresh lead or another stray continuation byte.
      length = cp.valid ? cp.length : 1;
    }
    out.append(s, run, i - run);
    for (std::size_t k = 0; k < length; ++k) {
      append_hex_escape(out, static_cast<unsigned char>(s[i + k]));
    }
    i += length;
    run = i;
  }
  out.append(s, run);
}

std::string escape_control(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  append_escaped_control(out, s);
  return out;
}

int display_width(std::string_view s) {
  int width = 0;
  std::size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    // A combining mark after ASCII starts its own zero-width cluster, which
    // gives the same total.
    if (c >= 0x20 && c < 0x7f) {
      ++width;
      ++i;
      continue;
    }
    const Cluster cluster = next_cluster(s, i);
    width += cluster.width;
    i = cluster.end;
  }
  return width;
}

std::string truncate_to_width(std::string_view s, int width) {
  if (width <= 0) {
    return {};
  }
  if (display_width(s) <= width) {
    return std::string(s);
  }
  constexpr std::string_view k_ellipsis = "\u2026";
  const int budget = width - 1; // the ellipsis takes one column
  int used = 0;
  std::size_t end = 0;
  while (end < s.size()) {
    const Cluster cluster = next_cluster(s, end);
    if (used + cluster.width > budget) {
      break;
    }
    used += cluster.width;
    end = cluster.end;
  }
  std::string out(s.substr(0, end));
  out += k_ellipsis;
  return out;
}

} // namespace iom::util
