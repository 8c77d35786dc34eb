#include "render/delimited.hpp"

#include "util/utf8.hpp"

#include <cstddef>

namespace iom::render {

namespace {

constexpr std::string_view k_bom = "\xEF\xBB\xBF";
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

void append_tsv_field(std::string &out, std::string_view field) {
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
      !field.empty() && (is_blank(field.front()) || is_blank(field.back()));
  for (std::size_t i = 0; !quote && i < field.size(); ++i) {
    const char c = field[i];
    quote = c == delimiter || c == '"' || c == '\r' || c == '\n';
  }
  if (!quote) {
    out += field;
    return;
  }
  out += '"';
  std::size_t run = 0;
  for (std::size_t i = 0; i < field.size(); ++i) {
    if (field[i] == '"') {
      out.append(field, run, i + 1 - run);
      out += '"';
      run = i + 1;
    }
  }
  out.append(field, run);
  out += '"';
}

void write_tsv(std::string &out, const Rows &rows, const Options &options) {
  const std::size_t ncols = rows.columns.size();
  if (options.header) {
    for (std::size_t c = 0; c < ncols; ++c) {
      if (c > 0) {
        out += '\t';
      }
      append_tsv_value(out, rows.columns[c].name, options);
    }
    out += '\n';
  }
  for (const auto &row : rows.cells) {
    for (std::size_t c = 0; c < ncols; ++c) {
      if (c > 0) {
        out += '\t';
      }
      append_tsv_value(out, cell_at(row, c).text, options);
    }
    out += '\n';
  }
}

void write_csv(std::string &out, const Rows &rows, const Options &options) {
  const std::size_t ncols = rows.columns.size();
  if (options.bom) {
    out += k_bom;
  }
  if (options.header) {
    for (std::size_t c = 0; c < ncols; ++c) {
      if (c > 0) {
        out += options.delimiter;
      }
      append_csv_value(out, rows.columns[c].name, options);
    }
    out += k_crlf;
  }
  for (const auto &row : rows.cells) {
    // A lone empty field would be a blank line, which readers skip.
    if (ncols == 1 && cell_at(row, 0).text.empty()) {
      out += "\"\"";
      out += k_crlf;
      continue;
    }
    for (std::size_t c = 0; c < ncols; ++c) {
      if (c > 0) {
        out += options.delimiter;
      }
      append_csv_value(out, cell_at(row, c).text, options);
    }
    out += k_crlf;
  }
}

} // namespace iom::render
