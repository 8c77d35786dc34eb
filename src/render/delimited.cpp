#include "render/delimited.hpp"

#include <cstring>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "util/utf8.hpp"

#include <cstddef>
#include <cstdint>

namespace iom::render {

namespace {

constexpr std::string_view k_crlf = "\r\n"; // RFC 4180 line ending

bool is_blank(char c) { return c == ' ' || c == '\t'; }

void append_tsv_value(std::string &out, std::string_view field,
                      const Options &options) {
  // Escaping TSV first leaves only the controls TSV has no escape for; the
  // backslashes it writes are not touched by escape_control.
  if (options.terminal && util::needs_escape(field)) {
    std::string escaped;
    append_tsv_field(escaped, field);
    util::append_escaped_control(out, escaped);
    return;
  }
  append_tsv_field(out, field);
}

void append_csv_value(std::string &out, std::string_view field,
                      const Options &options) {
  if (options.terminal && util::needs_escape(field)) {
    append_csv_field(out, util::escape_control(field), options.delimiter);
    return;
  }
  append_csv_field(out, field, options.delimiter);
}

} // namespace

namespace {

// Whether any byte of the 8 in `v` is `byte`: the zero-byte test of
// (v ^ byte in every lane), exact when asked only whether there is one.
constexpr bool has_byte(std::uint64_t v, char byte) {
  constexpr std::uint64_t k_ones = 0x0101010101010101;
  constexpr std::uint64_t k_highs = 0x8080808080808080;
  const std::uint64_t x = v ^ (k_ones * static_cast<unsigned char>(byte));
  return ((x - k_ones) & ~x & k_highs) != 0;
}

std::uint64_t load8(const char *p) {
  std::uint64_t v;
  std::memcpy(&v, p, sizeof v);
  return v;
}

// True when `field` holds any of the four bytes. Sixteen bytes at a time where
// SSE2 exists (every x86-64): a large extract is mostly this scan. The last
// part is scanned by one more load that ends at the field's end (bytes
// scanned twice do no harm), and a field of 8 to 15 bytes by two 8-byte
// words: most fields are short.
bool contains_any(std::string_view field, char a, char b, char c, char d) {
  const std::size_t n = field.size();
  const char *p = field.data();
#if defined(__SSE2__)
  if (n >= 16) {
    const __m128i va = _mm_set1_epi8(a), vb = _mm_set1_epi8(b),
                  vc = _mm_set1_epi8(c), vd = _mm_set1_epi8(d);
    const auto hit_at = [&](std::size_t i) {
      const __m128i chunk =
          _mm_loadu_si128(reinterpret_cast<const __m128i *>(p + i));
      const __m128i hit = _mm_or_si128(
          _mm_or_si128(_mm_cmpeq_epi8(chunk, va), _mm_cmpeq_epi8(chunk, vb)),
          _mm_or_si128(_mm_cmpeq_epi8(chunk, vc), _mm_cmpeq_epi8(chunk, vd)));
      return _mm_movemask_epi8(hit) != 0;
    };
    std::size_t i = 0;
    for (; i + 16 <= n; i += 16)
      if (hit_at(i))
        return true;
    return i < n && hit_at(n - 16);
  }
#endif
  std::size_t i = 0;
  const auto word_hit = [&](std::uint64_t v) {
    return has_byte(v, a) || has_byte(v, b) || has_byte(v, c) || has_byte(v, d);
  };
  for (; i + 8 <= n; i += 8)
    if (word_hit(load8(p + i)))
      return true;
  if (i < n && n >= 8)
    return word_hit(load8(p + n - 8));
  for (; i < n; ++i) {
    const char x = p[i];
    if (x == a || x == b || x == c || x == d)
      return true;
  }
  return false;
}

} // namespace

void append_tsv_field(std::string &out, std::string_view field) {
  // Most fields need no escape: one scan, then one append.
  if (!contains_any(field, '\\', '\t', '\n', '\r')) {
    out += field;
    return;
  }
  std::size_t run = 0;
  for (std::size_t i = 0; i < field.size(); ++i) {
    std::string_view escape;
    switch (field[i]) {
    case '\\':
      escape = "\\\\";
      break;
    case '\t':
      escape = "\\t";
      break;
    case '\n':
      escape = "\\n";
      break;
    case '\r':
      escape = "\\r";
      break;
    default:
      continue;
    }
    out.append(field, run, i - run);
    out += escape;
    run = i + 1;
  }
  out.append(field, run);
}

void append_csv_field(std::string &out, std::string_view field,
                      char delimiter) {
  bool quote =
      !field.empty() && (is_blank(field.front()) || is_blank(field.back()) ||
                         contains_any(field, delimiter, '"', '\n', '\r'));
  if (!quote) {
    out += field;
    return;
  }
  out += '"';
  for (;;) {
    const void *quote_at = std::memchr(field.data(), '"', field.size());
    if (!quote_at)
      break;
    std::size_t i = static_cast<const char *>(quote_at) - field.data();
    out.append(field.substr(0, i + 1));
    out += '"';
    field.remove_prefix(i + 1);
  }
  out += field;
  out += '"';
}

namespace {

// The names, then (--hxl) the hashtags: HXL's row goes under the header, or
// first when -H leaves the header out.
void write_header(std::string &out, const std::vector<Column> &columns,
                  const Options &options, char separator,
                  std::string_view line_end,
                  void (*append)(std::string &, std::string_view,
                                 const Options &)) {
  for (bool hashtags : {false, true}) {
    if (hashtags ? !options.hxl : !options.header)
      continue;
    for (std::size_t c = 0; c < columns.size(); ++c) {
      if (c > 0)
        out += separator;
      append(out, hashtags ? columns[c].hashtag : columns[c].name, options);
    }
    out += line_end;
  }
}

} // namespace

void write_tsv_header(std::string &out, const std::vector<Column> &columns,
                      const Options &options) {
  write_header(out, columns, options, '\t', "\n", append_tsv_value);
}

void write_tsv_row(std::string &out, const std::vector<Cell> &row,
                   std::size_t ncols, const Options &options) {
  for (std::size_t c = 0; c < ncols; ++c) {
    if (c > 0) {
      out += '\t';
    }
    append_tsv_value(out, cell_at(row, c).value(), options);
  }
  out += '\n';
}

void write_csv_header(std::string &out, const std::vector<Column> &columns,
                      const Options &options) {
  write_header(out, columns, options, options.delimiter, k_crlf,
               append_csv_value);
}

void write_csv_row(std::string &out, const std::vector<Cell> &row,
                   std::size_t ncols, const Options &options) {
  // A lone empty field would be a blank line, which readers skip.
  if (ncols == 1 && cell_at(row, 0).value().empty()) {
    out += "\"\"";
    out += k_crlf;
    return;
  }
  for (std::size_t c = 0; c < ncols; ++c) {
    if (c > 0) {
      out += options.delimiter;
    }
    append_csv_value(out, cell_at(row, c).value(), options);
  }
  out += k_crlf;
}

} // namespace iom::render
