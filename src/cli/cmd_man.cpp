// iom man: the man page (roff), generated from the CLI11 tree.

#include "cli/app.hpp"
#include "cli/commands.hpp"
#include "cli/context.hpp"
#include "docs/man.hpp"
#include "util/error.hpp"

#include <CLI/CLI.hpp>

namespace iom::cli {

std::unique_ptr<CLI::App> whole_tree(const CLI::App &root, Context &context) {
  auto tree =
      std::make_unique<CLI::App>(root.get_description(), root.get_name());
  build_app(*tree, context);
  for (const CLI::Option *option : root.get_options()) {
    if (!option->nonpositional())
      continue;
    std::string names;
    for (const auto &name : option->get_snames())
      names += (names.empty() ? "-" : ",-") + name;
    for (const auto &name : option->get_lnames())
      names += (names.empty() ? "--" : ",--") + name;
    if (tree->get_option_no_throw(names.substr(0, names.find(','))))
      continue;
    CLI::Option *copy = option->get_expected_max() == 0
                            ? tree->add_flag(names, option->get_description())
                            : tree->add_option(names, option->get_description())
                                  ->type_name(option->get_type_name());
    copy->group(option->get_group());
  }
  return tree;
}

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
