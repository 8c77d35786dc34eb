#include "render/rows.hpp"

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

} // namespace iom::render
