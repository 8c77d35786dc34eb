// iom man: the man page (roff), generated from the CLI11 tree.

#include "cli/app.hpp"
#include "cli/commands.hpp"
#include "cli/context.hpp"
#include "docs/man.hpp"
#include "util/error.hpp"

#include <CLI/CLI.hpp>

namespace iom::cli {

void add_man(CLI::App &app, Context &context) {
  CLI::App *command = app.add_subcommand(
      "man", "Print the man page (roff); read it with 'iom man | man -l -'");
  command->callback([&app, &context] {
    context.out().write(docs::man_page(*whole_tree(app, context)));
    context.out().flush();
    context.status = k_exit_ok;
  });
}

} // namespace iom::cli
