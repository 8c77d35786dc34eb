// iom countries: the countries and territories, filtered and sorted.

#include "cli/commands.hpp"
#include "cli/emit.hpp"
#include "cli/filters.hpp"
#include "cli/options.hpp"
#include "query/filter.hpp"
#include "util/error.hpp"

#include "cli/cli11.hpp"

#include <memory>

namespace iom::cli {
namespace cmd_countries_cpp {
namespace {

struct Options {
  FilterArgs filter;
  ListOptions list;
  bool world = false;
};

constexpr std::string_view k_default_fields = "name,iso2,iso3,region,type";
constexpr std::string_view k_world_fields =
    "name,iso2,iso3,in_directory,region,type";

int run(Context &context, const Options &options) {
  query::Filter filter = resolve_filter(context, options.filter);
  filter.countries_only = true;
  if (!options.world)
    return emit_entries(context, query::select(context.data(), filter),
                        options.list, k_default_fields,
                        "no country or territory matches the filters");
  // The directory's and the world's rows, in one order by name.
  std::vector<PlaceIndex> places = query::select_world(context.data(), filter);
  sort_entries(context.data(), places, "name", resolve_lang(context.options));
  return emit_entries(context, std::move(places), options.list, k_world_fields,
                      "no country or territory matches the filters");
}

} // namespace
} // namespace cmd_countries_cpp

void setup_countries(CLI::App &command, Context &context) {
  auto options = std::make_shared<cmd_countries_cpp::Options>();
  OptionAdder add(command, context);
  add_filter_options(add, options->filter);
  add_list_options(add, options->list);
  add_world_option(add, options->world);
  command.callback([&context, options] {
    context.status = cmd_countries_cpp::run(context, *options);
  });
}

} // namespace iom::cli
