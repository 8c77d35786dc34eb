#pragma once

// From rows to stdout: choosing the format, colour and terminal behaviour
// from the global options, and the shared list-command plumbing.

#include "cli/context.hpp"
#include "cli/fields.hpp"
#include "query/sort.hpp"
#include "render/fields.hpp"
#include "render/rows.hpp"
#include "util/text.hpp"

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

namespace iom::cli {

class OptionAdder;

// The resolved output settings.
struct Style {
  render::Format format;
  render::Options options;
};

Style resolve_style(const GlobalOptions &options);

// The language of the names: --lang, else $IOM_LANG, else English (never
// the locale: scripts stay stable). Throws iom::Error (exit 2) for a bad
// $IOM_LANG.
Lang resolve_lang(const GlobalOptions &options);

// The -f value in effect: csv when --bom or --delimiter stands alone. Throws
// iom::Error (exit 2) when they stand beside another format.
std::string_view format_name(const GlobalOptions &options);

// The fields to show: -F when given, else the command's default list.
std::vector<const Field *> resolve_fields(const GlobalOptions &options,
                                          std::string_view defaults);

template <typename Row>
std::vector<const render::Field<Row> *>
resolve_fields(const GlobalOptions &options,
               std::span<const render::Field<Row>> table,
               std::string_view defaults) {
  return render::parse_fields(table, options.fields.empty() ? defaults
                                                            : options.fields);
}

// Writes rows. With no rows: json prints [], csv/tsv/md print their header,
// the table prints nothing; `empty_message` goes to stderr and the status is 1.
int emit(Context &context, const render::Rows &rows,
         std::string_view empty_message);

// The order of rows under a --sort spec ("name", "-region,name") over the
// field table; stable. Throws iom::Error (exit 2) for an unknown field.
template <typename Row>
std::vector<std::size_t> sort_order(std::span<const Row> rows,
                                    std::span<const render::Field<Row>> table,
                                    std::string_view spec) {
  std::vector<const render::Field<Row> *> keys;
  std::vector<bool> descending;
  for (std::string_view name : util::split_commas(spec)) {
    descending.push_back(name.starts_with('-'));
    if (descending.back())
      name.remove_prefix(1);
    keys.push_back(render::parse_fields(table, name).front());
  }
  std::vector<query::SortValue> values;
  values.reserve(rows.size() * keys.size());
  render::Cell cell;
  for (const Row &row : rows)
    for (const auto *key : keys) {
      render::fill_cell(row, *key, cell);
      values.push_back(query::sort_value(
          cell.value(), key->sort == render::SortKind::number));
    }
  return query::sort_order(values, descending);
}

// Sorts rows in place by a --sort spec; an empty spec keeps their order.
template <typename Row>
void sort_rows(std::vector<Row> &rows,
               std::span<const render::Field<Row>> table,
               std::string_view spec) {
  if (spec.empty())
    return;
  std::vector<Row> sorted;
  sorted.reserve(rows.size());
  for (std::size_t i : sort_order(std::span<const Row>(rows), table, spec))
    sorted.push_back(rows[i]);
  rows = std::move(sorted);
}

// Sorts places by a --sort spec ("name", "-region,name"); stable.
void sort_entries(const Dataset &data, std::vector<PlaceIndex> &entries,
                  std::string_view spec, Lang lang);

// The rows of a list that is not of entries: -F picks the fields (else
// `defaults`), `sort` orders the rows.
template <typename Row>
render::Rows list_rows(const GlobalOptions &options, std::vector<Row> rows,
                       std::span<const render::Field<Row>> table,
                       std::string_view defaults, std::string_view sort) {
  auto fields = resolve_fields(options, table, defaults);
  sort_rows(rows, table, sort);
  return render::make_rows(std::span<const Row>(rows), fields);
}

// Inserts a bar column after the column named `after` (when shown), with one
// bar per row of value/max; for a terminal table only.
void insert_bars(render::Rows &rows, std::string_view after,
                 const std::vector<std::size_t> &values);

// --world: the whole world table, not only IOM's directory (show,
// countries, search, convert).
void add_world_option(OptionAdder &add, bool &world);

// -s/--sort alone, for the lists that take no --limit or --count.
void add_sort_option(OptionAdder &add, std::string &sort);

// Options that --sort, --limit and --count share across list commands.
struct ListOptions {
  std::string sort;
  std::string limit; // empty = no limit; checked when used
  bool count = false;
};

void add_list_options(OptionAdder &add, ListOptions &options);

// The value of --limit: nullopt when not given. Throws iom::Error (exit 2)
// unless it is a whole number of 0 or more.
std::optional<std::size_t> parse_limit(std::string_view text);

// Applies sort and limit, then prints the count or the rows (of entries, or
// of places outside the directory too).
int emit_entries(Context &context, std::vector<PlaceIndex> entries,
                 const ListOptions &list, std::string_view default_fields,
                 std::string_view empty_message);

} // namespace iom::cli
