#include "docs/tree.hpp"

#include "util/choices.hpp"

#include "cli/cli11.hpp"

namespace iom::docs {
namespace tree_cpp {
namespace {

// The choices validator's description, or empty. CLI11 2.1 looks validators
// up only on a mutable option; the look-up changes nothing.
std::string choices_text(const CLI::Option &option) {
  try {
    return const_cast<CLI::Option &>(option)
        .get_validator(std::string(util::k_choices_validator))
        ->get_description();
  } catch (const CLI::OptionNotFound &) {
    return {};
  }
}

// The value's name without the validators' descriptions that CLI11 appends
// for --help ("FORMAT:{table,tsv}" -> "FORMAT").
std::string value_name(const CLI::Option &option, std::string_view choices) {
  std::string name = option.get_type_name();
  std::string suffix = ":" + std::string(choices);
  if (!choices.empty() && name.ends_with(suffix))
    name.erase(name.size() - suffix.size());
  return name;
}

Flag read_flag(const CLI::Option &option) {
  Flag flag;
  for (const auto &name : option.get_snames())
    flag.names.push_back("-" + name);
  for (const auto &name : option.get_lnames())
    flag.names.push_back("--" + name);
  std::string choices = choices_text(option);
  if (option.get_expected_max() != 0)
    flag.value = value_name(option, choices);
  flag.choices = util::decode_choices(choices);
  flag.description = option.get_description();
  flag.repeatable = option.get_expected_max() > 1;
  flag.required = option.get_required();
  flag.comma_list = option.get_delimiter() == ',';
  return flag;
}

Positional read_positional(const CLI::Option &option) {
  return {option.get_single_name(), option.get_description(),
          option.get_required(), option.get_expected_max() > 1,
          util::decode_choices(choices_text(option))};
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
} // namespace tree_cpp

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
  tree_cpp::read_options(app, tree.flags, nullptr);
  // Option groups are nameless subcommands; hidden commands have no group.
  for (const CLI::App *sub : app.get_subcommands({})) {
    if (sub->get_name().empty() || sub->get_group().empty())
      continue;
    Command &command = tree.commands.emplace_back();
    command.name = sub->get_name();
    command.description = sub->get_description();
    tree_cpp::read_options(*sub, command.flags, &command.positionals);
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
