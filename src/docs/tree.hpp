#pragma once

// The CLI11 tree, read once into plain structs that the man page and the
// completion generators walk. Hidden commands (group "") are left out.

#include <string>
#include <string_view>
#include <vector>

namespace CLI {
class App;
}

namespace iom::docs {

struct Flag {
  std::vector<std::string> names; // "-f", "--format": short ones first
  std::string value;              // "FORMAT"; empty when it takes none
  std::string description;
  bool repeatable = false;
  bool required = false;
  bool comma_list = false; // CLI11 splits the value at commas
  // The allowed values, from the option's util::k_choices_validator; empty
  // when any value goes.
  std::vector<std::string> choices;

  std::string long_name() const; // "--format", or the first name
  bool is_help() const { return long_name() == "--help"; }
};

struct Positional {
  std::string name; // "QUERY"
  std::string description;
  bool required = false;
  bool many = false;
  std::vector<std::string> choices; // as Flag::choices
};

struct Command {
  std::string name;
  std::string description;
  std::vector<Flag> flags; // its own, with --help; globals are in Tree
  std::vector<Positional> positionals;
};

struct Tree {
  std::string name;
  std::string description;
  std::vector<Flag> flags; // global: accepted before or after the command
  std::vector<Command> commands;
};

Tree read_tree(const CLI::App &app);

// The description as one sentence: a final period added when it has none.
std::string sentence(std::string_view text);

} // namespace iom::docs
