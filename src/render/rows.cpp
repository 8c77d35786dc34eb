#include "render/rows.hpp"

#include "render/delimited.hpp"
#include "render/json.hpp"
#include "render/table.hpp"

namespace iom::render {

const Cell &cell_at(const std::vector<Cell> &row, std::size_t column) {
  static const Cell k_empty;
  return column < row.size() ? row[column] : k_empty;
}

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
    write_tsv(out, rows, options);
    return;
  case Format::csv:
    write_csv(out, rows, options);
    return;
  case Format::json:
    write_json(out, rows, options);
    return;
  case Format::jsonl:
    write_jsonl(out, rows, options);
    return;
  }
}

} // namespace iom::render
