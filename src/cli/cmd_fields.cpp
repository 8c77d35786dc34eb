// iom fields: the fields that --fields and --sort accept.

#include "cli/commands.hpp"
#include "cli/emit.hpp"
#include "cli/options.hpp"
#include "util/error.hpp"

#include "cli/cli11.hpp"

#include <memory>

namespace iom::cli {
namespace cmd_fields_cpp {
namespace {

struct Options {
  std::string sort;
};

// The hashtag is what --hxl writes for the field.
constexpr std::string_view k_default_fields = "name,list,hashtag,description";

int run(Context &context, const Options &options) {
  std::vector<render::FieldRow> fields;
  for (const auto &field : render::entry_fields())
    fields.push_back(
        {field.name, field.description, field.hashtag, field.is_list});
  return emit(context,
              list_rows(context.options, std::move(fields),
                        render::field_fields(), k_default_fields, options.sort),
              "no fields");
}

} // namespace
} // namespace cmd_fields_cpp

void setup_fields(CLI::App &command, Context &context) {
  auto options = std::make_shared<cmd_fields_cpp::Options>();
  OptionAdder add(command, context);
  add_sort_option(add, options->sort);
  command.callback([&context, options] {
    context.status = cmd_fields_cpp::run(context, *options);
  });
}

} // namespace iom::cli
