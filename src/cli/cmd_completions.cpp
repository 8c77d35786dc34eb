// iom completions SHELL: the completion script for bash, zsh or fish,
// generated from the CLI11 tree.

#include "cli/app.hpp"
#include "cli/commands.hpp"
#include "cli/context.hpp"
#include "docs/completions.hpp"
#include "util/error.hpp"

#include <CLI/CLI.hpp>

namespace iom::cli {
namespace {

struct Options {
  std::string shell;
};

} // namespace

void add_completions(CLI::App &app, Context &context) {
  static Options options;
  CLI::App *command = app.add_subcommand(
      "completions", "Print the completion script for bash, zsh or fish");
  command->add_option("SHELL", options.shell, "bash, zsh or fish")->required();
  command->callback([&app, &context] {
    context.out().write(
        docs::completion_script(*whole_tree(app, context), options.shell));
    context.out().flush();
    context.status = k_exit_ok;
  });
}

} // namespace iom::cli
