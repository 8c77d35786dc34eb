#pragma once

// What the bash, zsh and fish scripts share: how the value of each option or
// argument is completed, and quoting. An option with choices in the tree
// completes them; the few whose values come from elsewhere (files, the field
// table, the dataset) are named here.

#include "docs/tree.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace iom::docs {

// Where a value comes from. `fields` is the field table; `dataset` is asked
// of `iom __complete KIND` when completing.
enum class Source : unsigned char { none, files, words, fields, dataset };

// How the values of an option or argument are completed. `list` is "." for
// one value, "," for a comma list (the item after the last comma is
// completed) and "-," for a comma list whose items may start with '-'.
struct Rule {
  Source source = Source::none;
  std::string_view list = ".";
  std::string_view kind;          // Source::dataset: "regions", "queries"...
  std::vector<std::string> words; // Source::words: the choices
};

struct Word {
  std::string value;
  std::string description;
};

Rule option_rule(const Flag &flag);
Rule argument_rule(const Command &command, const Positional &positional);

// The words of a `words` or `fields` rule; the field table's have
// descriptions.
std::vector<Word> words_of(const Rule &rule);
std::vector<Word> field_words();

// The flags a command accepts: its own, then the global ones it does not
// shadow (the tree falls through to the root). nullptr: before a command.
std::vector<const Flag *> flags_of(const Tree &tree, const Command *command);

std::string join(const std::vector<std::string> &items, std::string_view sep);

// 'text' for bash and zsh.
std::string sh_quote(std::string_view text);

// 'text' for fish, where \ and ' are escaped inside single quotes.
std::string fish_quote(std::string_view text);

} // namespace iom::docs
