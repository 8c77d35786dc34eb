#pragma once

// The field tables: every column that any list prints is defined once, as a
// Field of the row it reads (name, header, description, HXL hashtag, how it
// sorts, accessor). Every format, --fields, --sort, `iom fields`, the man
// page and the completions use these tables; nothing builds columns by hand.
//
// Hashtags follow the HXL hashtag dictionary: the core hashtags (#country,
// #region, #org, #loc, #indicator, #meta) refined by attributes. Where no
// standard attribute fits, the attribute is our own, lowercase, and says what
// it adds (+short, +host, +basis, +kind); no base hashtag is invented.
// Codes carry the vocabulary attribute that OCHA's countries and territories
// taxonomy uses in its own hashtag row (+v_iso2, +v_iso3, +num+v_m49), so a
// HXL tool joins iom's output with OCHA's data; IOM's region codes are
// +v_iom. `--hxl` writes them as a row under the tsv or csv header.

#include "model.hpp"
#include "render/rows.hpp"
#include "util/error.hpp"
#include "util/text.hpp"

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace iom::render {

// How --sort orders a field: text is compared normalised (case and accents
// folded, by the caller); number compares the digits as a whole number, so
// "012" < "116". Empty values sort last in either direction.
enum class SortKind : unsigned char { text, number };

// A field's accessor: fills the cell from the row. `slot` tells a field made
// at run time which value it reads (stats: one column per office type).
template <typename Row>
using Getter = void (*)(const Row &row, std::size_t slot, Cell &cell);

template <typename Row> struct Field {
  std::string_view name;        // --fields name, JSON key, tsv/csv header
  std::string_view header;      // table and md header
  std::string_view description; // for `iom fields`, the man page, completion
  std::string_view hashtag;     // HXL hashtag with attributes
  SortKind sort = SortKind::text;
  bool is_list = false;  // cells carry items (JSON array)
  bool is_count = false; // a whole number: JSON bare, right-aligned
  Getter<Row> get = nullptr;
  std::size_t slot = 0; // passed to get
  // Not in the machine formats' default fields (the world table's and the
  // per-language fields): -F names them, or `all`, or --world.
  bool opt_in = false;
};

template <typename Row>
const Field<Row> *find_field(std::span<const Field<Row>> table,
                             std::string_view name) {
  for (const auto &field : table)
    if (field.name == name)
      return &field;
  return nullptr;
}

// The list of valid names, for error messages: "all, id, name, ...".
template <typename Row>
std::string field_names(std::span<const Field<Row>> table) {
  std::string names = "all";
  for (const auto &field : table)
    names += ", " + std::string(field.name);
  return names;
}

// Parses a --fields value: a comma list of field names, or "all". Throws
// iom::Error (exit 2) naming the unknown field and listing the valid ones.
template <typename Row>
std::vector<const Field<Row> *> parse_fields(std::span<const Field<Row>> table,
                                             std::string_view list) {
  std::vector<const Field<Row> *> result;
  if (list == "all") {
    for (const auto &field : table)
      result.push_back(&field);
    return result;
  }
  for (std::string_view name : util::split_commas(list)) {
    const Field<Row> *field = find_field(table, name);
    if (!field)
      throw Error((name.empty() ? std::string("empty field name in --fields")
                                : "unknown field '" + std::string(name) + "'") +
                  "; valid fields: " + field_names(table));
    result.push_back(field);
  }
  return result;
}

template <typename Row>
std::vector<Column>
make_columns(const std::vector<const Field<Row> *> &fields) {
  std::vector<Column> columns;
  columns.reserve(fields.size());
  for (const Field<Row> *field : fields)
    columns.push_back({std::string(field->name), std::string(field->header),
                       field->is_list, field->is_count,
                       std::string(field->hashtag)});
  return columns;
}

// One cell, cleared first: a reused cell keeps its capacity, not its value.
template <typename Row>
void fill_cell(const Row &row, const Field<Row> &field, Cell &cell) {
  cell.text.clear();
  cell.items.clear();
  cell.emphasis = Emphasis::none;
  cell.lent = {};
  field.get(row, field.slot, cell);
}

// One row's cells, into `cells` (resized; reused cells keep their capacity).
template <typename Row>
void fill_row(const Row &row, const std::vector<const Field<Row> *> &fields,
              std::vector<Cell> &cells) {
  cells.resize(fields.size());
  for (std::size_t i = 0; i < fields.size(); ++i)
    fill_cell(row, *fields[i], cells[i]);
}

template <typename Row>
Rows make_rows(std::span<const Row> rows,
               const std::vector<const Field<Row> *> &fields) {
  Rows out;
  out.columns = make_columns(fields);
  out.cells.reserve(rows.size());
  for (const Row &row : rows)
    fill_row(row, fields, out.cells.emplace_back());
  return out;
}

// One cell's text, as every scalar format shows it (lists joined by "; ").
template <typename Row>
std::string field_text(const Row &row, const Field<Row> &field) {
  Cell cell;
  field.get(row, field.slot, cell);
  return std::string(cell.value());
}

// The one place that reads an entry's region and type indices.
// Their positions, for counting: data.regions.size() when it has no region.
std::size_t region_position(const Dataset &data, const Entry &entry);
std::size_t type_position(const Entry &entry);

// Entries and world rows: what `iom fields` lists. A place outside the
// directory has no entry; an office has no world row.
struct EntryRow {
  const Dataset &data;
  const Entry *entry;
  const WorldRow *world;
  Lang lang = Lang::en; // of name, short_name and type_name
};
using EntryField = Field<EntryRow>;

std::span<const EntryField> entry_fields();
// The entry fields under their old names: cli, docs and convert use these.
inline std::span<const EntryField> all_fields() { return entry_fields(); }
std::vector<const EntryField *> parse_fields(std::string_view list);
const EntryField *find_field(std::string_view name);
// The fields that are not the world table's, comma-separated: the default
// of the machine formats unless --world widens the scope.
std::string directory_field_names();
void fill_row(const Dataset &data, Place place, Lang lang,
              const std::vector<const EntryField *> &fields,
              std::vector<Cell> &row);
Rows make_rows(const Dataset &data, std::span<const PlaceIndex> places,
               Lang lang, const std::vector<const EntryField *> &fields);

// A name in one language and where it comes from. A name that has no
// translation is the English one, and `source` says so.
struct Named {
  std::string_view text;
  std::string_view source;
  bool translated = true; // false: the English name, for want of one
};
Named place_name(const EntryRow &row, Lang lang);
Named type_name(const OfficeType &type, Lang lang);

// The regional-indicator flag of an ISO alpha-2 code ("KE" -> 🇰🇪).
std::string flag_of(std::string_view iso2);

// Regions, with their counts (`iom regions`).
struct RegionRow {
  const Dataset &data;
  const Region &region;
  std::size_t countries; // countries and territories
  std::size_t entries;
};
std::span<const Field<RegionRow>> region_fields();

// Office types, with their counts (`iom types`).
struct TypeRow {
  const OfficeType &type;
  std::size_t entries;
  Lang lang = Lang::en;
};
std::span<const Field<TypeRow>> type_fields();

// One row of the region x type cross-table (`iom stats`). `region` is null
// for the entries that have no region and for the totals; `label` then
// stands in the region column ("(no region)", "total"), or is empty.
struct StatsRow {
  const Region *region;
  std::string_view label;
  std::span<const std::size_t> counts; // per office type
  std::size_t total;
};
// region, one column per office type (code, name and slot from the data),
// then total.
std::vector<Field<StatsRow>> stats_fields(const Dataset &data);

// One headline claim of the source page beside the dataset's own count.
struct ClaimRow {
  std::string_view claim;
  std::string_view page;
  std::string dataset;
};
std::span<const Field<ClaimRow>> claim_fields();

// The data version and where the data came from, and the type legend.
std::span<const Field<Dataset>> meta_fields();

// One search candidate: its score, the reason it matched and the key it
// matched, then any entry field.
struct SearchRow {
  const Dataset &data;
  Place place;
  Lang lang;
  int score;
  std::string match; // "exact", "edit (1)", ...
  std::string_view key;
};
std::span<const Field<SearchRow>> search_fields();

// A field of any table, as `iom fields` lists it.
struct FieldRow {
  std::string_view name;
  std::string_view description;
  std::string_view hashtag;
  bool is_list;
};
std::span<const Field<FieldRow>> field_fields();

} // namespace iom::render
