#pragma once

// The field table: every field an entry has, defined once (name, header,
// description, accessor). Every format, --fields, --sort, `iom fields`, the
// man page and the completions use it.

#include "model.hpp"
#include "render/rows.hpp"

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace iom::cli {

struct Field {
  std::string_view name;
  std::string_view header;
  std::string_view description;
  bool is_list;
  void (*get)(const Dataset &data, const Entry &entry, render::Cell &cell);
};

std::span<const Field> all_fields();

// Parses a --fields value: a comma list of field names, or "all". Throws
// iom::Error (exit 2) naming the unknown field and listing the valid ones.
std::vector<const Field *> parse_fields(std::string_view list);

const Field *find_field(std::string_view name);

// The columns for these fields.
std::vector<render::Column> make_columns(std::span<const Field *const> fields);

// One entry's cells, into `row` (resized; reused cells keep their capacity).
void fill_row(const Dataset &data, const Entry &entry,
              std::span<const Field *const> fields,
              std::vector<render::Cell> &row);

// The rows for `entries` (indices into data.entries) with these fields.
render::Rows make_rows(const Dataset &data, std::span<const EntryIndex> entries,
                       std::span<const Field *const> fields);

// One cell's text, as every scalar format shows it.
std::string field_text(const Dataset &data, const Entry &entry, const Field &field);

// The regional-indicator flag of an ISO alpha-2 code ("KE" -> 🇰🇪).
std::string flag_of(std::string_view iso2);

} // namespace iom::cli
