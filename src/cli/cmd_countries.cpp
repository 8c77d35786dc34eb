// iom countries: the countries and territories, filtered and sorted.

#include "cli/commands.hpp"
#include "cli/emit.hpp"
#include "util/error.hpp"
#include "cli/filters.hpp"

#include <CLI/CLI.hpp>

namespace iom::cli {
namespace {

struct Options {
  FilterArgs filter;
  ListOptions list;
};

constexpr std::string_view k_default_fields = "name,iso2,iso3,region,type";

int run(Context &context, const Options &options) {
  query::Filter filter = resolve_filter(context, options.filter);
  filter.countries_only = true;
  return emit_entries(context, query::select(context.data(), filter),
                      options.list, k_default_fields,
                      "no country or territory matches the filters");
}

} // namespace

void add_countries(CLI::App &app, Context &context) {
  static Options options;
  CLI::App *command = app.add_subcommand(
      "countries", "List the countries and territories (176 in the directory)");
  add_filter_options(*command, options.filter);
  add_list_options(*command, options.list);
  command->callback([&context] { context.status = run(context, options); });
}

} // namespace iom::cli
