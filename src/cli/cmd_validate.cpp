// iom validate [FILE]: check a dataset file, or the data in use.

#include "cli/commands.hpp"
#include "cli/context.hpp"
#include "dataset/load.hpp"
#include "util/error.hpp"
#include "util/text.hpp"

#include "cli/cli11.hpp"

#include <fmt/format.h>
#include <memory>

namespace iom::cli {
namespace cmd_validate_cpp {
namespace {

struct Options {
  std::string file;
};

int run(Context &context, const Options &options) {
  // Without FILE, the data in use (--data, $IOM_DATA or the built-in tables,
  // which were validated by the same code when they were built).
  Dataset loaded;
  const Dataset *data = nullptr;
  if (options.file.empty()) {
    data = &context.data();
  } else {
    loaded = load_dataset_file(options.file);
    data = &loaded;
  }
  context.out().write(fmt::format(
      "{}: ok: {}, {}, {}, {}\n", data->origin,
      util::counted(data->entries.size(), "entry", "entries"),
      util::counted(data->regions.size(), "region", "regions"),
      util::counted(data->types.size(), "office type", "office types"),
      util::counted(data->hosts.size(), "[[hosts]] record",
                    "[[hosts]] records")));
  // Valid, but not finished: what `iom import --write` left to check.
  for (const Entry &entry : data->entries)
    if (!entry.review.empty())
      context.out().write(fmt::format("{}: review {}: {}\n", data->origin,
                                      entry.id, entry.review));
  context.out().flush();
  return k_exit_ok;
}

} // namespace
} // namespace cmd_validate_cpp

void setup_validate(CLI::App &command, Context &context) {
  auto options = std::make_shared<cmd_validate_cpp::Options>();
  command.add_option("FILE", options->file, "Dataset file (TOML)");
  command.callback([&context, options] {
    context.status = cmd_validate_cpp::run(context, *options);
  });
}

} // namespace iom::cli
