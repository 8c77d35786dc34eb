#include "cli/emit.hpp"

#include "model_names.hpp"

#include "cli/choices.hpp"
#include "cli/options.hpp"
#include "render/bar.hpp"
#include "render/stream.hpp"
#include "util/error.hpp"
#include "util/text.hpp"

#include "cli/cli11.hpp"

#include <algorithm>
#include <cstdlib>
#include <fmt/format.h>

namespace iom::cli {
namespace emit_cpp {
namespace {

render::Format parse_format(std::string_view name) {
  return choice_enum<render::Format>(k_format_list, name);
}

bool color_wanted(std::string_view mode) {
  switch (choice_enum<ColorMode>(k_color_list, mode)) {
  case ColorMode::always:
    return true;
  case ColorMode::never:
    return false;
  case ColorMode::automatic:
    break;
  }
  const char *no_color = std::getenv("NO_COLOR");
  if (no_color && *no_color)
    return false;
  const char *term = std::getenv("TERM");
  if (term && std::string_view(term) == "dumb")
    return false;
  return util::stdout_is_terminal();
}

} // namespace
} // namespace emit_cpp

std::string_view format_name(const GlobalOptions &options) {
  // --bom and --delimiter shape CSV only: alone they select it, and beside
  // another format they are refused rather than ignored.
  bool csv_only = options.bom || !options.delimiter.empty();
  if (!csv_only || options.format == "csv")
    return options.format;
  std::string_view option = options.bom ? "--bom" : "--delimiter";
  if (options.format.empty())
    return "csv";
  throw Error(std::string(option) + " shapes csv output only, not -f " +
              options.format);
}

Lang resolve_lang(const GlobalOptions &options) {
  std::string value = options.lang;
  if (value.empty())
    if (const char *env = std::getenv("IOM_LANG"))
      value = env;
  if (value.empty())
    return Lang::en;
  const ChoiceList list{Spelling<Lang>::names, options.lang.empty()
                                                   ? "IOM_LANG value"
                                                   : "--lang value"};
  return choice_enum<Lang>(list, value);
}

Style resolve_style(const GlobalOptions &options) {
  Style style{};
  bool terminal = util::stdout_is_terminal();
  std::string_view format = format_name(options);
  style.format = format.empty()
                     ? (terminal ? render::Format::table : render::Format::tsv)
                     : emit_cpp::parse_format(format);
  style.options.header = !options.no_header;
  style.options.color = emit_cpp::color_wanted(options.color);
  style.options.terminal = terminal;
  style.options.width = terminal ? util::terminal_width() : 0;
  style.options.bom = options.bom;
  std::string_view delimiter =
      options.delimiter.empty() ? std::string_view(",") : options.delimiter;
  if (delimiter.size() != 1 || delimiter[0] == '"' || delimiter[0] == '\n' ||
      delimiter[0] == '\r' || static_cast<unsigned char>(delimiter[0]) >= 0x80)
    throw Error("--delimiter must be one ASCII character other than '\"', "
                "CR or LF");
  style.options.delimiter = delimiter[0];
  style.options.hxl = options.hxl;
  if (options.hxl && style.format != render::Format::tsv &&
      style.format != render::Format::csv)
    throw Error("--hxl adds a hashtag row to tsv and csv output only; add -f "
                "csv or -f tsv");
  return style;
}

std::vector<const Field *> resolve_fields(const GlobalOptions &options,
                                          std::string_view defaults) {
  return parse_fields(options.fields.empty() ? defaults : options.fields);
}

int emit(Context &context, const render::Rows &rows,
         std::string_view empty_message) {
  Style style = resolve_style(context.options);
  render::write(context.out().buffer(), rows, style.format, style.options);
  context.out().flush();
  if (rows.cells.empty()) {
    util::print_error(empty_message);
    return k_exit_no_match;
  }
  return k_exit_ok;
}

void sort_entries(const Dataset &data, std::vector<PlaceIndex> &entries,
                  std::string_view spec, Lang lang) {
  const std::size_t places = place_count(data);
  if (spec == "name" && data.name_ranks.size() == k_lang_count * places) {
    // The generated ranks give the order that sorting by the names gives
    // (a unit test holds them to it).
    const std::uint16_t *rank =
        data.name_ranks.data() + static_cast<std::size_t>(lang) * places;
    std::stable_sort(
        entries.begin(), entries.end(),
        [rank](PlaceIndex a, PlaceIndex b) { return rank[a] < rank[b]; });
    return;
  }
  std::vector<render::EntryRow> rows;
  rows.reserve(entries.size());
  for (PlaceIndex index : entries) {
    const Place place = place_at(data, index);
    rows.push_back({data, place.entry, place.world, lang});
  }
  std::vector<PlaceIndex> sorted;
  sorted.reserve(entries.size());
  for (std::size_t i : sort_order(std::span<const render::EntryRow>(rows),
                                  render::entry_fields(), spec))
    sorted.push_back(entries[i]);
  entries = std::move(sorted);
}

void insert_bars(render::Rows &rows, std::string_view after,
                 const std::vector<std::size_t> &values) {
  auto column = std::find_if(rows.columns.begin(), rows.columns.end(),
                             [&](const auto &c) { return c.name == after; });
  if (column == rows.columns.end())
    return;
  std::size_t at = static_cast<std::size_t>(column - rows.columns.begin()) + 1;
  std::size_t max = 0;
  for (auto value : values)
    max = std::max(max, value);
  rows.columns.insert(rows.columns.begin() + static_cast<std::ptrdiff_t>(at),
                      {"bar", ""});
  for (std::size_t r = 0; r < rows.cells.size(); ++r) {
    auto &row = rows.cells[r];
    row.insert(row.begin() + static_cast<std::ptrdiff_t>(at),
               {r < values.size() ? render::bar(values[r], max, 20) : ""});
  }
}

void add_world_option(OptionAdder &add, bool &world) {
  add.flag("--world", world,
           "Include the countries and territories outside IOM's "
           "directory (their IOM fields stay empty)");
}

void add_sort_option(OptionAdder &add, std::string &sort) {
  add.option("-s,--sort", sort,
             "Sort by FIELD[,FIELD]; a leading - sorts descending")
      .type_name("FIELDS");
}

std::optional<std::size_t> parse_limit(std::string_view text) {
  if (text.empty())
    return std::nullopt;
  std::size_t value = 0;
  bool ok = text.size() <= 9;
  for (char c : text) {
    ok = ok && c >= '0' && c <= '9';
    value = value * 10 + static_cast<std::size_t>(c - '0');
  }
  if (!ok)
    throw Error("--limit must be a whole number from 0 to 999999999, not '" +
                std::string(text) + "'");
  return value;
}

void add_list_options(OptionAdder &add, ListOptions &options) {
  add_sort_option(add, options.sort);
  add.option("-n,--limit", options.limit, "Print at most N results")
      .type_name("N");
  add.flag("-c,--count", options.count, "Print only the number of results");
}

int emit_entries(Context &context, std::vector<PlaceIndex> entries,
                 const ListOptions &list, std::string_view default_fields,
                 std::string_view empty_message) {
  const Dataset &data = context.data();
  std::optional<std::size_t> limit = parse_limit(list.limit);
  std::vector<const Field *> fields =
      resolve_fields(context.options, default_fields);
  const Lang lang = resolve_lang(context.options);
  if (!list.sort.empty())
    sort_entries(data, entries, list.sort, lang);
  else if (lang != Lang::en)
    // The dataset's order is alphabetical in English; a French or Spanish
    // list is alphabetical in its own names.
    sort_entries(data, entries, "name", lang);
  if (limit && entries.size() > *limit)
    entries.resize(*limit);
  if (list.count) {
    context.out().write(fmt::format("{}\n", entries.size()));
    context.out().flush();
    return entries.empty() ? k_exit_no_match : k_exit_ok;
  }
  Style style = resolve_style(context.options);
  if (!render::RowStream::supports(style.format))
    return emit(context, make_rows(data, entries, lang, fields), empty_message);

  // Streamable formats fill one reused row per entry: no cell is allocated
  // per entry, which is most of the cost of a large extract.
  std::vector<render::Column> columns = make_columns(fields);
  render::RowStream stream(context.out().buffer(), columns, style.format,
                           style.options);
  std::vector<render::Cell> row;
  for (PlaceIndex index : entries) {
    fill_row(data, place_at(data, index), lang, fields, row);
    stream.row(row);
    context.out().maybe_flush();
  }
  stream.finish();
  context.out().flush();
  if (entries.empty()) {
    util::print_error(empty_message);
    return k_exit_no_match;
  }
  return k_exit_ok;
}

} // namespace iom::cli
