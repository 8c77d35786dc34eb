#include "render/stream.hpp"

#include "render/delimited.hpp"
#include "render/json.hpp"

namespace iom::render {

namespace {
constexpr std::string_view k_bom = "\xEF\xBB\xBF";
} // namespace

bool RowStream::supports(Format format) {
  return format == Format::tsv || format == Format::csv ||
         format == Format::json || format == Format::jsonl;
}

RowStream::RowStream(std::string &out, const std::vector<Column> &columns,
                     Format format, const Options &options)
    : m_out(out), m_columns(columns), m_format(format), m_options(options) {
  switch (m_format) {
  case Format::tsv:
    if (m_options.header || m_options.hxl)
      write_tsv_header(m_out, m_columns, m_options);
    break;
  case Format::csv:
    if (m_options.bom)
      m_out += k_bom;
    if (m_options.header || m_options.hxl)
      write_csv_header(m_out, m_columns, m_options);
    break;
  case Format::json:
  case Format::jsonl:
    m_keys = json_keys(m_columns);
    break;
  case Format::table:
  case Format::md:
    break;
  }
}

void RowStream::row(const std::vector<Cell> &cells) {
  switch (m_format) {
  case Format::tsv:
    write_tsv_row(m_out, cells, m_columns.size(), m_options);
    break;
  case Format::csv:
    write_csv_row(m_out, m_room, cells, m_columns.size(), m_options);
    break;
  case Format::json:
    // The separator goes before each row but the first, so nothing needs
    // to know which row is the last.
    m_out += m_rows == 0 ? "[\n  " : ",\n  ";
    append_json_object(m_out, cells, m_columns, m_keys);
    break;
  case Format::jsonl:
    append_json_object(m_out, cells, m_columns, m_keys);
    m_out += '\n';
    break;
  case Format::table:
  case Format::md:
    break;
  }
  ++m_rows;
}

void RowStream::finish() {
  if (m_format == Format::json)
    m_out += m_rows == 0 ? "[]\n" : "\n]\n";
}

} // namespace iom::render
