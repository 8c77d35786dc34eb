#include "cli/emit.hpp"

#include "cli/choices.hpp"
#include "query/normalise.hpp"
#include "render/stream.hpp"
#include "util/error.hpp"
#include "util/text.hpp"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <cstdlib>
#include <fmt/format.h>

namespace iom::cli {
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

Style resolve_style(const GlobalOptions &options) {
  Style style{};
  bool terminal = util::stdout_is_terminal();
  style.format = options.format.empty()
                     ? (terminal ? render::Format::table : render::Format::tsv)
                     : parse_format(options.format);
  style.options.header = !options.no_header;
  style.options.color = color_wanted(options.color);
  style.options.terminal = terminal;
  style.options.width = terminal ? util::terminal_width() : 0;
  style.options.bom = options.bom;
  if (options.delimiter.size() != 1 || options.delimiter[0] == '"' ||
      options.delimiter[0] == '\n' || options.delimiter[0] == '\r' ||
      static_cast<unsigned char>(options.delimiter[0]) >= 0x80)
    throw Error("--delimiter must be one ASCII character other than '\"', "
                "CR or LF");
  style.options.delimiter = options.delimiter[0];
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

void sort_entries(const Dataset &data, std::vector<EntryIndex> &entries,
                  std::string_view spec) {
  struct Key {
    const Field *field;
    bool descending;
  };
  std::vector<Key> keys;
  for (std::string_view name : util::split_commas(spec)) {
    bool descending = name.starts_with('-');
    if (descending)
      name.remove_prefix(1);
    std::vector<const Field *> field = parse_fields(name);
    keys.push_back({field.front(), descending});
  }
  // Sort keys are normalised, so "Côte d'Ivoire" sorts among the Cs.
  std::vector<std::vector<std::string>> texts(data.entries.size());
  for (EntryIndex index : entries)
    for (const auto &key : keys)
      texts[index].push_back(
          query::normalise(field_text(data, data.entries[index], *key.field)));
  std::stable_sort(entries.begin(), entries.end(),
                   [&](EntryIndex a, EntryIndex b) {
                     for (std::size_t i = 0; i < keys.size(); ++i) {
                       int order = texts[a][i].compare(texts[b][i]);
                       if (order != 0)
                         return keys[i].descending ? order > 0 : order < 0;
                     }
                     return false;
                   });
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

void add_list_options(CLI::App &command, ListOptions &options) {
  command.add_option("-s,--sort", options.sort,
                     "Sort by FIELD[,FIELD]; a leading - sorts descending")
      ->type_name("FIELDS");
  command.add_option("-n,--limit", options.limit,
                     "Print at most N results")
      ->type_name("N");
  command.add_flag("-c,--count", options.count,
                   "Print only the number of results");
}

int emit_entries(Context &context, std::vector<EntryIndex> entries,
                 const ListOptions &list, std::string_view default_fields,
                 std::string_view empty_message) {
  const Dataset &data = context.data();
  std::optional<std::size_t> limit = parse_limit(list.limit);
  std::vector<const Field *> fields =
      resolve_fields(context.options, default_fields);
  if (!list.sort.empty())
    sort_entries(data, entries, list.sort);
  if (limit && entries.size() > *limit)
    entries.resize(*limit);
  if (list.count) {
    context.out().write(fmt::format("{}\n", entries.size()));
    context.out().flush();
    return entries.empty() ? k_exit_no_match : k_exit_ok;
  }
  Style style = resolve_style(context.options);
  if (!render::RowStream::supports(style.format))
    return emit(context, make_rows(data, entries, fields), empty_message);

  // Streamable formats fill one reused row per entry: no cell is allocated
  // per entry, which is most of the cost of a large extract.
  std::vector<render::Column> columns = make_columns(fields);
  render::RowStream stream(context.out().buffer(), columns, style.format,
                           style.options);
  std::vector<render::Cell> row;
  for (EntryIndex index : entries) {
    fill_row(data, data.entries[index], fields, row);
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
