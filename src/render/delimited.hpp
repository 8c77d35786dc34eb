#pragma once

// TSV and CSV. The field helpers are exported for the streaming fast path
// (convert), so every producer of these formats escapes the same way.

#include "render/rows.hpp"

#include <string>
#include <string_view>

namespace iom::render {

// Escapes backslash, tab, newline and carriage return as \\ \t \n \r.
void append_tsv_field(std::string &out, std::string_view field);

// RFC 4180: quotes the field when it holds the delimiter, a double quote, CR
// or LF, or starts or ends with a space or tab (which spreadsheets would
// trim); embedded quotes are doubled.
void append_csv_field(std::string &out, std::string_view field, char delimiter);

// One header line or one row at a time (see render/stream.hpp). The CSV BOM
// is the stream's business, not the header's.
void write_tsv_header(std::string &out, const std::vector<Column> &columns,
                      const Options &options);
void write_tsv_row(std::string &out, const std::vector<Cell> &row,
                   std::size_t ncols, const Options &options);
void write_csv_header(std::string &out, const std::vector<Column> &columns,
                      const Options &options);
// `room` is the writer's own, kept from row to row (it only grows).
void write_csv_row(std::string &out, std::string &room,
                   const std::vector<Cell> &row, std::size_t ncols,
                   const Options &options);

} // namespace iom::render
