// iom fields: the fields that --fields and --sort accept.

#include "cli/commands.hpp"
#include "cli/emit.hpp"
#include "util/error.hpp"

#include <CLI/CLI.hpp>

namespace iom::cli {
namespace {

int run(Context &context) {
  render::Rows rows;
  rows.columns = {{"name", "FIELD"}, {"list", "LIST"}, {"description", "DESCRIPTION"}};
  for (const auto &field : all_fields())
    rows.cells.push_back({{std::string(field.name)},
                          {field.is_list ? "yes" : "no"},
                          {std::string(field.description)}});
  return emit(context, rows, "no fields");
}

} // namespace

void add_fields(CLI::App &app, Context &context) {
  CLI::App *command = app.add_subcommand(
      "fields", "List the fields that --fields and --sort accept");
  command->callback([&context] { context.status = run(context); });
}

} // namespace iom::cli
