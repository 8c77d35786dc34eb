#include "render/rows.hpp"

#include "render/json.hpp"
#include "render/stream.hpp"
#include "render/table.hpp"

namespace iom::render {

void write(std::string &out, const Rows &rows, Format format,
           const Options &options) {
  switch (format) {
  case Format::table:
    write_table(out, rows, options);
    return;
  case Format::md:
    write_md(out, rows, options);
    return;
  case Format::tsv:
  case Format::csv:
  case Format::json:
  case Format::jsonl: {
    RowStream stream(out, rows.columns, format, options);
    for (const auto &row : rows.cells)
      stream.row(row);
    stream.finish();
    return;
  }
  }
}

namespace {

void append_json_part(std::string &out, const Part &part, bool pretty) {
  const std::vector<std::string> keys = json_keys(part.rows.columns);
  if (part.single) {
    if (part.rows.cells.empty())
      out += "null";
    else
      append_json_object(out, part.rows.cells.front(), part.rows.columns, keys);
    return;
  }
  if (part.rows.cells.empty()) {
    out += "[]";
    return;
  }
  out += '[';
  for (std::size_t r = 0; r < part.rows.cells.size(); ++r) {
    out += r > 0 ? "," : "";
    out += pretty ? "\n    " : "";
    append_json_object(out, part.rows.cells[r], part.rows.columns, keys);
  }
  out += pretty ? "\n  ]" : "]";
}

} // namespace

void write_document(std::string &out, const std::vector<Part> &parts,
                    Format format, const Options &options) {
  if (is_json(format)) {
    const bool pretty = format == Format::json;
    out += '{';
    for (std::size_t p = 0; p < parts.size(); ++p) {
      out += p > 0 ? "," : "";
      out += pretty ? "\n  " : "";
      append_json_string(out, parts[p].key);
      out += pretty ? ": " : ":";
      append_json_part(out, parts[p], pretty);
    }
    out += pretty ? "\n}\n" : "}\n";
    return;
  }
  Options each = options;
  for (std::size_t p = 0; p < parts.size(); ++p) {
    if (p > 0)
      out += format == Format::csv ? "\r\n" : "\n";
    write(out, parts[p].rows, format, each);
    each.bom = false;
  }
}

} // namespace iom::render
