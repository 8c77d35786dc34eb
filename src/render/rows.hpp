#pragma once

// The one table type every writer consumes. Commands build Rows from the
// field table (query/fields) and hand them to a writer; writers know nothing
// of the dataset.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace iom::render {

enum class Emphasis : unsigned char { none, dim };

struct Cell {
  std::string text; // scalar value, or the items joined by "; "
  // List value (only when Column::is_list). Views: the items belong to the
  // dataset (or other storage) that outlives the Rows, so no copies are made.
  std::vector<std::string_view> items;
  Emphasis emphasis = Emphasis::none;
  // The scalar value instead of `text`, when it is text that outlives the
  // Rows as the items do (the dataset's, or static): most values are, and
  // copying them into `text` was most of the cost of filling a row.
  std::string_view lent;

  // The scalar value, as every writer reads it.
  std::string_view value() const {
    return lent.data() ? lent : std::string_view(text);
  }
};

struct Column {
  std::string name;   // machine name: JSON key, --fields name, tsv/csv header
  std::string header; // human header: table and md header line
  bool is_list = false;
  bool is_number = false; // JSON writes it unquoted (must be digits)
  std::string hashtag;    // HXL hashtag (--hxl), from the field table
};

struct Rows {
  std::vector<Column> columns;
  std::vector<std::vector<Cell>> cells; // cells[row][column]
};

enum class Format : unsigned char { table, tsv, csv, json, jsonl, md };

struct Options {
  bool header = true;    // -H turns it off (table, tsv, csv, md)
  bool color = false;    // ANSI emphasis: bold header, dim cells
  bool terminal = false; // stdout is a terminal: escape control characters
  int width = 0;         // terminal columns; 0 = never truncate
  bool bom = false;      // CSV: UTF-8 byte order mark
  char delimiter = ',';  // CSV delimiter
  bool hxl = false;      // tsv, csv: a HXL hashtag row under the header
};

// The cell of row at column, or an empty cell when the row is short, so a
// malformed row never reads out of bounds.
inline const Cell &cell_at(const std::vector<Cell> &row, std::size_t column) {
  static const Cell k_empty;
  return column < row.size() ? row[column] : k_empty;
}

// Appends the formatted rows to out. No I/O.
void write(std::string &out, const Rows &rows, Format format,
           const Options &options);

constexpr bool is_json(Format format) {
  return format == Format::json || format == Format::jsonl;
}

// One named table of a document of several (iom stats).
struct Part {
  std::string_view key; // JSON key
  Rows rows;
  bool single = false; // JSON: one object (the first row), not an array
};

// A document of several tables. json prints one object with a key per part,
// jsonl the same object on one line; the other formats print the tables one
// after another, separated by an empty line (a CSV BOM only once).
void write_document(std::string &out, const std::vector<Part> &parts,
                    Format format, const Options &options);

} // namespace iom::render
