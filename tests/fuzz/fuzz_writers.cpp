// Every writer over rows of arbitrary strings. The machine formats are parsed
// back by the small strict parsers below and must give back every cell:
//   - csv: RFC 4180 records, with the chosen delimiter and CRLF;
//   - tsv: one line per row, \\ \t \n \r unescaped;
//   - json, jsonl: RFC 8259, with each ill-formed UTF-8 sequence read back as
//     U+FFFD, empty scalars as null and is_number integers bare.
// With Options::terminal, csv and tsv give back the cells as
// util::escape_control shows them. Whatever a terminal may receive (table and
// md always, every format with Options::terminal, json always) must hold no
// raw control character, DEL, C1 control or ESC other than the writer's own
// colour codes, and be valid UTF-8. The table and md layouts are checked too:
// line counts, column separators, no trailing spaces, and the width limit.
//
// Input: 4 option bytes, then cells separated by 0xFF (0xFE separates the
// items of a list column). The first cells are the column names, the rest
// fill the rows, row by row; a short last row stays short.
//   byte 0: bit 0 header, 1 terminal, 2 color, 3 bom, 4-5 columns - 1,
//           6 width limit, 7 dim every other row
//   byte 1: CSV delimiter (low 7 bits; '"', CR and LF read as ',')
//   byte 2: terminal width when bit 6 is set
//   byte 3: two bits per column: is_list, is_number

#include "readers.hpp"
#include "render/rows.hpp"
#include "support.hpp"
#include "util/utf8.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace {

using iom::fuzz::Json;
using iom::fuzz::JsonParser;
using iom::fuzz::parse_csv;
using iom::fuzz::tsv_unescape;
using iom::render::Cell;
using iom::render::Column;
using iom::render::Format;
using iom::render::Options;
using iom::render::Rows;

constexpr char k_cell_separator = '\xff';
constexpr char k_item_separator = '\xfe';
constexpr std::string_view k_bold = "\x1b[1m";
constexpr std::string_view k_dim = "\x1b[2m";
constexpr std::string_view k_reset = "\x1b[0m";

std::vector<std::string_view> split(std::string_view text, char separator) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  for (;;) {
    const std::size_t end = text.find(separator, start);
    if (end == std::string_view::npos) {
      parts.push_back(text.substr(start));
      return parts;
    }
    parts.push_back(text.substr(start, end - start));
    start = end + 1;
  }
}

Rows make_rows(std::string_view payload, std::size_t ncols, unsigned char kinds,
               bool dim) {
  Rows rows;
  const std::vector<std::string_view> cells = split(payload, k_cell_separator);
  for (std::size_t c = 0; c < ncols; ++c) {
    Column column;
    column.name = c < cells.size() ? std::string(cells[c]) : std::string();
    column.header = column.name;
    column.is_list = (kinds >> (2 * c)) & 1;
    column.is_number = (kinds >> (2 * c + 1)) & 1;
    rows.columns.push_back(std::move(column));
  }
  for (std::size_t i = ncols; i < cells.size(); ++i) {
    const std::size_t c = (i - ncols) % ncols;
    if (c == 0)
      rows.cells.emplace_back();
    Cell cell;
    if (rows.columns[c].is_list) {
      for (const std::string_view item : split(cells[i], k_item_separator)) {
        if (!cell.items.empty())
          cell.text += "; ";
        cell.text += item;
        cell.items.emplace_back(item);
      }
    } else {
      cell.text = std::string(cells[i]);
    }
    if (dim && rows.cells.size() % 2 == 0)
      cell.emphasis = iom::render::Emphasis::dim;
    rows.cells.back().push_back(std::move(cell));
  }
  return rows;
}

// The expected records of a delimited format: the header, then the rows.
std::vector<std::vector<std::string>> records(const Rows &rows,
                                              const Options &options) {
  std::vector<std::vector<std::string>> out;
  if (options.header) {
    auto &record = out.emplace_back();
    for (const Column &column : rows.columns)
      record.push_back(column.name);
  }
  for (const auto &row : rows.cells) {
    auto &record = out.emplace_back();
    for (std::size_t c = 0; c < rows.columns.size(); ++c)
      record.push_back(iom::render::cell_at(row, c).text);
  }
  return out;
}

// What a terminal shows of a TSV field: escape_control between the
// characters TSV escapes itself.
std::string terminal_tsv(std::string_view text) {
  std::string out;
  std::size_t start = 0;
  for (;;) {
    const std::size_t end = text.find_first_of("\t\n\r", start);
    out += iom::util::escape_control(text.substr(start, end - start));
    if (end == std::string_view::npos)
      return out;
    out += text[end];
    start = end + 1;
  }
}

// What JSON gives back of a string: ill-formed sequences become U+FFFD.
std::string json_expected(std::string_view text) {
  std::string out;
  std::size_t i = 0;
  while (i < text.size()) {
    const iom::util::CodePoint cp = iom::util::decode_utf8(text, i);
    if (cp.valid)
      out.append(text, i, cp.length);
    else
      out += "\xEF\xBF\xBD";
    i += cp.length;
  }
  return out;
}

std::string without_colour(std::string_view text) {
  std::string out;
  std::size_t i = 0;
  while (i < text.size()) {
    bool code = false;
    for (const std::string_view c : {k_bold, k_dim, k_reset})
      if (text.substr(i).starts_with(c)) {
        i += c.size();
        code = true;
        break;
      }
    if (!code)
      out += text[i++];
  }
  return out;
}

// Nothing a terminal would interpret: no control character but LF, no DEL,
// no C1 control, valid UTF-8. Except `allowed`, the format's field separator
// (the user may choose any ASCII delimiter), and with `crlf` a CR before LF.
void check_terminal_safe(std::string_view text, std::string_view allowed,
                         bool crlf) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto b = static_cast<unsigned char>(text[i]);
    if (b == '\r' && crlf && i + 1 < text.size() && text[i + 1] == '\n')
      continue;
    if (allowed.find(static_cast<char>(b)) != std::string_view::npos)
      continue;
    FUZZ_CHECK((b >= 0x20 || b == '\n') && b != 0x7f, text);
  }
  FUZZ_CHECK(iom::util::valid_utf8(text), text);
  for (std::size_t i = 0; i < text.size();) {
    const iom::util::CodePoint cp = iom::util::decode_utf8(text, i);
    FUZZ_CHECK(cp.value < 0x80 || cp.value >= 0xa0, text);
    i += cp.length;
  }
}

void check_csv(const Rows &rows, const Options &options, std::string_view out) {
  if (options.bom) {
    FUZZ_CHECK(out.starts_with("\xEF\xBB\xBF"), out);
    out.remove_prefix(3);
  }
  const auto parsed = parse_csv(out, options.delimiter);
  FUZZ_CHECK(parsed.has_value(), out);
  auto expected = records(rows, options);
  if (options.terminal)
    for (auto &record : expected)
      for (auto &field : record)
        field = iom::util::escape_control(field);
  FUZZ_CHECK(*parsed == expected, out);
  if (options.terminal)
    check_terminal_safe(out, std::string_view(&options.delimiter, 1), true);
}

void check_tsv(const Rows &rows, const Options &options, std::string_view out) {
  auto expected = records(rows, options);
  if (options.terminal)
    for (auto &record : expected)
      for (auto &field : record)
        field = terminal_tsv(field);
  std::vector<std::vector<std::string>> parsed;
  FUZZ_CHECK(out.empty() || out.back() == '\n', out);
  if (!out.empty()) {
    out.remove_suffix(1);
    for (const std::string_view line : split(out, '\n')) {
      auto &record = parsed.emplace_back();
      for (const std::string_view field : split(line, '\t')) {
        std::optional<std::string> value =
            tsv_unescape(field, !options.terminal);
        FUZZ_CHECK(value.has_value(), out);
        record.push_back(std::move(*value));
      }
    }
  }
  FUZZ_CHECK(parsed == expected, out);
  if (options.terminal)
    check_terminal_safe(out, "\t", false);
}

bool is_json_integer(std::string_view s) {
  return !s.empty() && (s.size() == 1 || s.front() != '0') &&
         s.find_first_not_of("0123456789") == std::string_view::npos;
}

void check_object(const Rows &rows, const std::vector<Cell> &row,
                  const Json &object, std::string_view out) {
  FUZZ_CHECK(object.type == Json::Type::object, out);
  FUZZ_CHECK(object.items.size() == rows.columns.size(), out);
  for (std::size_t c = 0; c < rows.columns.size(); ++c) {
    const Column &column = rows.columns[c];
    const Cell &cell = iom::render::cell_at(row, c);
    const std::string &key = object.keys[c];
    const Json &value = object.items[c];
    FUZZ_CHECK(key == json_expected(column.name), out);
    if (column.is_list) {
      FUZZ_CHECK(value.type == Json::Type::array, out);
      FUZZ_CHECK(value.items.size() == cell.items.size(), out);
      for (std::size_t i = 0; i < cell.items.size(); ++i)
        FUZZ_CHECK(value.items[i].type == Json::Type::string &&
                       value.items[i].text == json_expected(cell.items[i]),
                   out);
    } else if (cell.text.empty()) {
      FUZZ_CHECK(value.type == Json::Type::null, out);
    } else if (column.is_number && is_json_integer(cell.text)) {
      FUZZ_CHECK(value.type == Json::Type::number && value.text == cell.text,
                 out);
    } else {
      FUZZ_CHECK(value.type == Json::Type::string &&
                     value.text == json_expected(cell.text),
                 out);
    }
  }
}

void check_json(const Rows &rows, std::string_view out) {
  const std::optional<Json> document = JsonParser(out).document();
  FUZZ_CHECK(document.has_value(), out);
  FUZZ_CHECK(document->type == Json::Type::array, out);
  FUZZ_CHECK(document->items.size() == rows.cells.size(), out);
  for (std::size_t r = 0; r < rows.cells.size(); ++r)
    check_object(rows, rows.cells[r], document->items[r], out);
  FUZZ_CHECK(out.ends_with("\n"), out);
  check_terminal_safe(out, "", false);
}

void check_jsonl(const Rows &rows, std::string_view out) {
  FUZZ_CHECK(out.empty() || out.back() == '\n', out);
  std::vector<std::string_view> lines;
  if (!out.empty())
    lines = split(out.substr(0, out.size() - 1), '\n');
  FUZZ_CHECK(lines.size() == rows.cells.size(), out);
  for (std::size_t r = 0; r < rows.cells.size(); ++r) {
    const std::optional<Json> object = JsonParser(lines[r]).document();
    FUZZ_CHECK(object.has_value(), lines[r]);
    check_object(rows, rows.cells[r], *object, out);
  }
  check_terminal_safe(out, "", false);
}

std::vector<std::string_view> lines_of(std::string_view out) {
  FUZZ_CHECK(out.empty() || out.back() == '\n', out);
  if (out.empty())
    return {};
  return split(out.substr(0, out.size() - 1), '\n');
}

void check_table(const Rows &rows, const Options &options,
                 std::string_view raw) {
  const std::string out = without_colour(raw);
  if (!options.color)
    FUZZ_CHECK(out == raw, raw);
  check_terminal_safe(out, "", false);
  const std::vector<std::string_view> lines = lines_of(out);
  FUZZ_CHECK(lines.size() == rows.cells.size() + (options.header ? 1 : 0), out);
  // A narrowed column keeps min(its width, 8) columns (render/table.cpp).
  int floor = 2 * static_cast<int>(rows.columns.size() - 1);
  for (std::size_t c = 0; c < rows.columns.size(); ++c) {
    int natural =
        options.header ? iom::util::display_width(rows.columns[c].header) : 0;
    for (const auto &row : rows.cells)
      natural = std::max(
          natural, iom::util::display_width(iom::render::cell_at(row, c).text));
    floor += std::min(natural, 8);
  }
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const std::string_view line = lines[i];
    // Padding is never left at the end of a line; a value's own space may be.
    if (line.ends_with(' ')) {
      bool value_space = false;
      if (options.header && i == 0) {
        for (const Column &column : rows.columns)
          value_space = value_space || column.header.ends_with(' ');
      } else {
        for (const Cell &cell : rows.cells[i - (options.header ? 1 : 0)])
          value_space = value_space || cell.text.ends_with(' ');
      }
      FUZZ_CHECK(value_space, out);
    }
    if (options.width > 0)
      FUZZ_CHECK(iom::util::display_width(line) <=
                     std::max(options.width, floor),
                 out);
  }
}

void check_md(const Rows &rows, const Options &options, std::string_view out) {
  FUZZ_CHECK(out.find('\x1b') == std::string_view::npos, out);
  check_terminal_safe(out, "", false);
  const std::vector<std::string_view> lines = lines_of(out);
  FUZZ_CHECK(lines.size() == rows.cells.size() + (options.header ? 2 : 0), out);
  for (const std::string_view line : lines) {
    // GFM splits a row at each '|' that no backslash escapes.
    std::size_t pipes = 0;
    for (std::size_t i = 0; i < line.size(); ++i)
      pipes += line[i] == '|' && (i == 0 || line[i - 1] != '\\');
    FUZZ_CHECK(line.starts_with("|") && line.ends_with(" |"), out);
    FUZZ_CHECK(pipes == rows.columns.size() + 1, out);
  }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data,
                                      std::size_t size) {
  std::string_view input(reinterpret_cast<const char *>(data), size);
  unsigned char head[4] = {};
  for (std::size_t i = 0; i < 4 && i < input.size(); ++i)
    head[i] = static_cast<unsigned char>(input[i]);
  input.remove_prefix(std::min<std::size_t>(4, input.size()));

  Options options;
  options.header = head[0] & 1;
  options.terminal = head[0] & 2;
  options.color = head[0] & 4;
  options.bom = head[0] & 8;
  const std::size_t ncols = 1 + ((head[0] >> 4) & 3);
  options.width = (head[0] & 64) ? head[2] : 0;
  const bool dim = head[0] & 128;
  const char delimiter = static_cast<char>(head[1] & 0x7f);
  options.delimiter = delimiter == '"' || delimiter == '\r' || delimiter == '\n'
                          ? ','
                          : delimiter;
  const Rows rows = make_rows(input, ncols, head[3], dim);

  std::string out;
  for (const Format format : {Format::csv, Format::tsv, Format::json,
                              Format::jsonl, Format::table, Format::md}) {
    out.clear();
    iom::render::write(out, rows, format, options);
    switch (format) {
    case Format::csv:
      check_csv(rows, options, out);
      break;
    case Format::tsv:
      check_tsv(rows, options, out);
      break;
    case Format::json:
      check_json(rows, out);
      break;
    case Format::jsonl:
      check_jsonl(rows, out);
      break;
    case Format::table:
      check_table(rows, options, out);
      break;
    case Format::md:
      check_md(rows, options, out);
      break;
    }
  }
  return 0;
}
