// iom offices: every directory entry, country offices and the other offices.

#include "cli/commands.hpp"
#include "cli/emit.hpp"
#include "cli/filters.hpp"
#include "cli/options.hpp"
#include "util/error.hpp"

#include "cli/cli11.hpp"

#include <memory>

namespace iom::cli {
namespace cmd_offices_cpp {
namespace {

struct Options {
  FilterArgs filter;
  ListOptions list;
};

constexpr std::string_view k_default_fields = "name,kind,region,type,city,host";

int run(Context &context, const Options &options) {
  query::Filter filter = resolve_filter(context, options.filter);
  return emit_entries(context, query::select(context.data(), filter),
                      options.list, k_default_fields,
                      "no office matches the filters");
}

} // namespace
} // namespace cmd_offices_cpp

void setup_offices(CLI::App &command, Context &context) {
  auto options = std::make_shared<cmd_offices_cpp::Options>();
  OptionAdder add(command, context);
  add_filter_options(add, options->filter);
  add_list_options(add, options->list);
  command.callback([&context, options] {
    context.status = cmd_offices_cpp::run(context, *options);
  });
}

} // namespace iom::cli
