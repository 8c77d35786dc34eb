#pragma once

// Row-at-a-time writing for the formats that need no look-ahead: tsv, csv,
// json and jsonl. A command can fill one reused row per entry instead of
// building every cell first; render::write uses the same code for whole Rows.
// (table and md align columns, so they need all rows: see render::write.)

#include "render/rows.hpp"

#include <string>
#include <vector>

namespace iom::render {

class RowStream {
public:
  // Writes what comes before the rows: a BOM, a header, "[".
  RowStream(std::string &out, const std::vector<Column> &columns, Format format,
            const Options &options);

  static bool supports(Format format);

  void row(const std::vector<Cell> &cells);
  // Writes what comes after the rows: "]" for json.
  void finish();

private:
  std::string &m_out;
  const std::vector<Column> &m_columns;
  Format m_format;
  Options m_options;
  std::vector<std::string> m_keys; // json, jsonl
  std::string m_room;              // csv: where a row is assembled
  std::size_t m_rows = 0;
};

} // namespace iom::render
