// iom types: the nine office types, with counts and descriptions.

#include "cli/commands.hpp"
#include "cli/emit.hpp"
#include "util/error.hpp"

#include <CLI/CLI.hpp>

namespace iom::cli {

namespace {

int run(Context &context) {
  const Dataset &data = context.data();
  std::vector<std::size_t> counts(data.types.size());
  for (const auto &entry : data.entries)
    counts[to_size(entry.type)]++;
  render::Rows rows;
  rows.columns = {{"code", "CODE"},
                  {"name", "NAME"},
                  {"entries", "ENTRIES", false, true},
                  {"description", "DESCRIPTION"}};
  for (std::size_t i = 0; i < data.types.size(); ++i) {
    const OfficeType &type = data.types[i];
    rows.cells.push_back({{std::string(type.code)},
                          {std::string(type.name)},
                          {std::to_string(counts[i])},
                          {std::string(type.description)}});
  }
  return emit(context, rows, "the dataset has no office types");
}

} // namespace

void add_types(CLI::App &app, Context &context) {
  CLI::App *command = app.add_subcommand(
      "types", "List the nine office types with counts and descriptions");
  command->callback([&context] { context.status = run(context); });
}

} // namespace iom::cli
