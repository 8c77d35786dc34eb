// iom diff OLD NEW: what changed from one dataset file to another, field by
// field (bases and sources included); `-` is the built-in data.

#include "cli/changes.hpp"
#include "cli/commands.hpp"
#include "cli/context.hpp"
#include "dataset/builtin.hpp"
#include "dataset/diff.hpp"
#include "dataset/load.hpp"

#include "cli/cli11.hpp"

#include <memory>
#include <optional>

namespace iom::cli {
namespace cmd_diff_cpp {
namespace {

struct Options {
  std::string before;
  std::string after;
};

// A side of the comparison: the built-in data for "-", else the file.
const Dataset &side(const std::string &path, std::optional<Dataset> &loaded) {
  if (path == "-")
    return dataset::builtin();
  loaded = dataset::load_file(path, dataset::builtin().world);
  return *loaded;
}

int run(Context &context, const Options &options) {
  std::optional<Dataset> before_file;
  std::optional<Dataset> after_file;
  const Dataset &before = side(options.before, before_file);
  const Dataset &after = side(options.after, after_file);
  return emit_changes(context, dataset::diff(before, after),
                      std::string(before.origin) + " -> " +
                          std::string(after.origin));
}

} // namespace
} // namespace cmd_diff_cpp

void setup_diff(CLI::App &command, Context &context) {
  auto options = std::make_shared<cmd_diff_cpp::Options>();
  command.add_option("OLD", options->before, "The older dataset file, or -")
      ->required();
  command.add_option("NEW", options->after, "The newer dataset file, or -")
      ->required();
  command.callback([&context, options] {
    context.status = cmd_diff_cpp::run(context, *options);
  });
}

} // namespace iom::cli
