#include "docs/tree.hpp"

#include <CLI/CLI.hpp>

namespace iom::docs {
namespace {

Flag read_flag(const CLI::Option &option) {
  Flag flag;
  for (const auto &name : option.get_snames())
    flag.names.push_back("-" + name);
  for (const auto &name : option.get_lnames())
    flag.names.push_back("--" + name);
  if (option.get_expected_max() != 0)
    flag.value = option.get_type_name();
  flag.description = option.get_description();
  flag.repeatable = option.get_expected_max() > 1;
  flag.required = option.get_required();
  flag.comma_list = option.get_delimiter() == ',';
  return flag;
}

Positional read_positional(const CLI::Option &option) {
  return {option.get_single_name(), option.get_description(),
          option.get_required(), option.get_expected_max() > 1};
}

void read_options(const CLI::App &app, std::vector<Flag> &flags,
                  std::vector<Positional> *positionals) {
  for (const CLI::Option *option : app.get_options()) {
    if (option->get_group().empty())
      continue;
    if (option->nonpositional())
      flags.push_back(read_flag(*option));
    else if (positionals)
      positionals->push_back(read_positional(*option));
  }
}

} // namespace

std::string Flag::long_name() const {
  for (const auto &name : names)
    if (name.starts_with("--"))
      return name;
  return names.empty() ? std::string() : names.front();
}

Tree read_tree(const CLI::App &app) {
  Tree tree;
  tree.name = app.get_name();
  tree.description = app.get_description();
  read_options(app, tree.flags, nullptr);
  // Option groups are nameless subcommands; hidden commands have no group.
  for (const CLI::App *sub : app.get_subcommands({})) {
    if (sub->get_name().empty() || sub->get_group().empty())
      continue;
    Command &command = tree.commands.emplace_back();
    command.name = sub->get_name();
    command.description = sub->get_description();
    read_options(*sub, command.flags, &command.positionals);
  }
  return tree;
}

std::string sentence(std::string_view text) {
  std::string out(text);
  if (!out.empty() && out.back() != '.')
    out += '.';
  return out;
}

} // namespace iom::docs
