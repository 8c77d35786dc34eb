#pragma once

// From rows to stdout: choosing the format, colour and terminal behaviour
// from the global options, and the shared list-command plumbing.

#include "cli/context.hpp"
#include "cli/fields.hpp"
#include "render/rows.hpp"

#include <optional>
#include <string_view>
#include <vector>

namespace CLI {
class App;
}

namespace iom::cli {

// The resolved output settings.
struct Style {
  render::Format format;
  render::Options options;
};

Style resolve_style(const GlobalOptions &options);

// The fields to show: -F when given, else the command's default list.
std::vector<const Field *> resolve_fields(const GlobalOptions &options,
                                          std::string_view defaults);

// Writes rows. With no rows: json prints [], csv/tsv/md print their header,
// the table prints nothing; `empty_message` goes to stderr and the status is 1.
int emit(Context &context, const render::Rows &rows,
         std::string_view empty_message);

// Sorts entry indices by a --sort spec ("name", "-region,name"); stable.
void sort_entries(const Dataset &data, std::vector<EntryIndex> &entries,
                  std::string_view spec);

// Options that --sort, --limit and --count share across list commands.
struct ListOptions {
  std::string sort;
  std::string limit; // empty = no limit; checked when used
  bool count = false;
};

void add_list_options(CLI::App &command, ListOptions &options);

// The value of --limit: nullopt when not given. Throws iom::Error (exit 2)
// unless it is a whole number of 0 or more.
std::optional<std::size_t> parse_limit(std::string_view text);

// Applies sort and limit, then prints the count or the rows.
int emit_entries(Context &context, std::vector<EntryIndex> entries,
                 const ListOptions &list, std::string_view default_fields,
                 std::string_view empty_message);

} // namespace iom::cli
