// iom completions SHELL: the completion script for bash, zsh or fish,
// generated from the CLI11 tree.

#include "cli/app.hpp"
#include "cli/choices.hpp"
#include "cli/commands.hpp"
#include "cli/context.hpp"
#include "docs/completions.hpp"
#include "util/error.hpp"

#include "cli/cli11.hpp"

#include <memory>

namespace iom::cli {
namespace cmd_completions_cpp {
namespace {

// In docs::Shell's order.
constexpr util::Choice k_shells[] = {
    {"bash"},
    {"zsh"},
    {"fish"},
};
constexpr ChoiceList k_shell_list{k_shells, "shell"};

struct Options {
  std::string shell;
};

} // namespace
} // namespace cmd_completions_cpp

void setup_completions(CLI::App &command, Context &context) {
  auto options = std::make_shared<cmd_completions_cpp::Options>();
  add_choices(command.add_option("SHELL", options->shell, "The shell"),
              cmd_completions_cpp::k_shell_list)
      ->required();
  command.callback([&command, &context, options] {
    docs::Shell shell = choice_enum<docs::Shell>(
        cmd_completions_cpp::k_shell_list, options->shell);
    context.out().write(docs::completion_script(
        *whole_tree(*command.get_parent(), context), shell));
    context.out().flush();
    context.status = k_exit_ok;
  });
}

} // namespace iom::cli
