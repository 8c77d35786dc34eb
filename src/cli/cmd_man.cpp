// iom man: the man page (roff), generated from the CLI11 tree.

#include "cli/app.hpp"
#include "cli/commands.hpp"
#include "cli/context.hpp"
#include "docs/man.hpp"
#include "util/error.hpp"

#include "cli/cli11.hpp"

namespace iom::cli {

void setup_man(CLI::App &command, Context &context) {
  command.callback([&command, &context] {
    context.out().write(
        docs::man_page(*whole_tree(*command.get_parent(), context)));
    context.out().flush();
    context.status = k_exit_ok;
  });
}

} // namespace iom::cli
