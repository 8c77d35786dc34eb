// iom types: the office types, with counts and descriptions.

#include "cli/commands.hpp"
#include "cli/emit.hpp"
#include "cli/options.hpp"
#include "util/error.hpp"

#include "cli/cli11.hpp"

#include <memory>

namespace iom::cli {

namespace cmd_types_cpp {
namespace {

struct Options {
  std::string sort;
};

constexpr std::string_view k_default_fields = "code,name,entries,description";

int run(Context &context, const Options &options) {
  const Dataset &data = context.data();
  std::vector<std::size_t> counts(data.types.size());
  for (const auto &entry : data.entries)
    counts[render::type_position(entry)]++;
  const Lang lang = resolve_lang(context.options);
  std::vector<render::TypeRow> types;
  for (std::size_t i = 0; i < data.types.size(); ++i)
    types.push_back({data.types[i], counts[i], lang});
  return emit(context,
              list_rows(context.options, std::move(types),
                        render::type_fields(), k_default_fields, options.sort),
              "the dataset has no office types");
}

} // namespace
} // namespace cmd_types_cpp

void setup_types(CLI::App &command, Context &context) {
  auto options = std::make_shared<cmd_types_cpp::Options>();
  OptionAdder add(command, context);
  add_sort_option(add, options->sort);
  command.callback([&context, options] {
    context.status = cmd_types_cpp::run(context, *options);
  });
}

} // namespace iom::cli
