#include "render/delimited.hpp"

#include <cstring>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "util/utf8.hpp"

#include <algorithm>
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

namespace {

#if defined(__SSE2__)
// `field` quoted at `to`, its quotes doubled; returns the end.
char *put_quoted(char *to, std::string_view field) {
  *to++ = '"';
  for (;;) {
    const void *quote_at = std::memchr(field.data(), '"', field.size());
    if (!quote_at)
      break;
    const std::size_t i = static_cast<const char *>(quote_at) - field.data();
    std::memcpy(to, field.data(), i + 1);
    to += i + 1;
    *to++ = '"';
    field.remove_prefix(i + 1);
  }
  std::memcpy(to, field.data(), field.size());
  to += field.size();
  *to++ = '"';
  return to;
}

// A field of fewer than 16 bytes, copied by loads and stores of fixed size
// that overlap in the middle rather than by a call to memcpy.
void put_short(char *to, const char *from, std::size_t n) {
  if (n >= 8) {
    std::memcpy(to, from, 8);
    std::memcpy(to + n - 8, from + n - 8, 8);
  } else if (n >= 4) {
    std::memcpy(to, from, 4);
    std::memcpy(to + n - 4, from + n - 4, 4);
  } else {
    to[0] = from[0];
    to[n / 2] = from[n / 2];
    to[n - 1] = from[n - 1];
  }
}

// The row as append_csv_field would write it, assembled in `room` (kept from
// row to row, every byte of it initialised) with plain stores and appended to
// out at once. A field is copied and scanned sixteen bytes at a time; a short
// one is scanned in its copy, the load running into the room after it, since
// the field itself may end anywhere. Per field, the calls and the set-up of a
// scan used to cost more than the scan.
void put_csv_row(std::string &out, std::string &room,
                 const std::vector<Cell> &row, std::size_t ncols,
                 char delimiter) {
  const __m128i vd = _mm_set1_epi8(delimiter), vq = _mm_set1_epi8('"'),
                vn = _mm_set1_epi8('\n'), vr = _mm_set1_epi8('\r'),
                vs = _mm_set1_epi8(' '), vt = _mm_set1_epi8('\t');
  const auto mask = [](__m128i hit) {
    return static_cast<unsigned>(_mm_movemask_epi8(hit));
  };
  const auto hits_in = [&](__m128i chunk) {
    return mask(_mm_or_si128(
        _mm_or_si128(_mm_cmpeq_epi8(chunk, vd), _mm_cmpeq_epi8(chunk, vq)),
        _mm_or_si128(_mm_cmpeq_epi8(chunk, vn), _mm_cmpeq_epi8(chunk, vr))));
  };
  const auto blanks_in = [&](__m128i chunk) {
    return mask(
        _mm_or_si128(_mm_cmpeq_epi8(chunk, vs), _mm_cmpeq_epi8(chunk, vt)));
  };
  const std::size_t filled = std::min(ncols, row.size());
  // The delimiters and CRLF of a row of empty fields.
  if (room.size() < ncols + 2)
    room.resize(ncols + 2);
  // Locals, not room's members: every store through a char pointer could
  // change those, so the compiler would load them again after each one.
  char *to = room.data();
  char *end = to + room.size();
  const Cell *cells = row.data();
  for (std::size_t c = 0; c < filled; ++c) {
    const std::string_view field = cells[c].value();
    const std::size_t n = field.size();
    // The worst case, every byte a quote: 2n + 2 quotes and a delimiter,
    // then 16 bytes for a short field's load and the delimiters and CRLF of
    // the fields that follow, if empty.
    const std::size_t need = 2 * n + 3 + 16 + ncols + 2;
    if (static_cast<std::size_t>(end - to) < need) {
      const std::size_t at = static_cast<std::size_t>(to - room.data());
      room.resize(std::max(at + need, 2 * room.size()));
      to = room.data() + at;
      end = room.data() + room.size();
    }
    if (c > 0)
      *to++ = delimiter;
    if (n == 0)
      continue;
    const char *from = field.data();
    bool quote;
    if (n < 16) {
      put_short(to, from, n);
      const __m128i chunk =
          _mm_loadu_si128(reinterpret_cast<const __m128i *>(to));
      const unsigned edges = 1U | 1U << (n - 1);
      quote = ((hits_in(chunk) & ((1U << n) - 1)) |
               (blanks_in(chunk) & edges)) != 0;
    } else {
      quote = is_blank(from[0]) || is_blank(from[n - 1]);
      const auto copy_at = [&](std::size_t i) {
        const __m128i chunk =
            _mm_loadu_si128(reinterpret_cast<const __m128i *>(from + i));
        _mm_storeu_si128(reinterpret_cast<__m128i *>(to + i), chunk);
        return hits_in(chunk) != 0;
      };
      std::size_t i = 0;
      for (; !quote && i + 16 < n; i += 16)
        quote = copy_at(i);
      // The last chunk ends at the field's end, over bytes already seen.
      quote = quote || copy_at(n - 16);
    }
    to = quote ? put_quoted(to, field) : to + n;
  }
  for (std::size_t c = filled; c < ncols; ++c)
    if (c > 0)
      *to++ = delimiter;
  *to++ = '\r';
  *to++ = '\n';
  out.append(room.data(), static_cast<std::size_t>(to - room.data()));
}
#endif

} // namespace

void write_csv_row(std::string &out, [[maybe_unused]] std::string &room,
                   const std::vector<Cell> &row, std::size_t ncols,
                   const Options &options) {
  // A lone empty field would be a blank line, which readers skip.
  if (ncols == 1 && cell_at(row, 0).value().empty()) {
    out += "\"\"";
    out += k_crlf;
    return;
  }
#if defined(__SSE2__)
  // A terminal's control characters are escaped field by field below.
  if (!options.terminal) {
    put_csv_row(out, room, row, ncols, options.delimiter);
    return;
  }
#endif
  for (std::size_t c = 0; c < ncols; ++c) {
    if (c > 0) {
      out += options.delimiter;
    }
    append_csv_value(out, cell_at(row, c).value(), options);
  }
  out += k_crlf;
}

} // namespace iom::render
