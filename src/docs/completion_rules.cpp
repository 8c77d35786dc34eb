#include "docs/completion_rules.hpp"

#include "render/fields.hpp"

#include <algorithm>
#include <span>

namespace iom::docs {
namespace completion_rules_cpp {
namespace {

// The values that the tree cannot tell: options by long name, arguments as
// "command NAME". Any option or argument with choices completes those.
struct Named {
  std::string_view name;
  Source source;
  std::string_view list;
  std::string_view kind;
};

constexpr Named k_option_rules[] = {
    {"--data", Source::files, ".", ""},
    {"--fields", Source::fields, ",", ""},
    {"--to", Source::fields, ",", ""},
    {"--sort", Source::fields, "-,", ""},
    {"--region", Source::dataset, ",", "regions"},
    {"--type", Source::dataset, ",", "types"},
    {"--lang", Source::dataset, ",", "languages"},
};

constexpr Named k_argument_rules[] = {
    {"show QUERY", Source::dataset, ".", "queries"},
    {"convert QUERY", Source::dataset, ".", "queries"},
    {"validate FILE", Source::files, ".", ""},
};

Rule rule_of(std::span<const Named> rules, std::string_view name,
             const std::vector<std::string> &choices, bool comma_list) {
  if (!choices.empty())
    return {Source::words, comma_list ? "," : ".", "", choices};
  for (const Named &rule : rules)
    if (rule.name == name)
      return {rule.source, rule.list, rule.kind, {}};
  return {};
}

} // namespace
} // namespace completion_rules_cpp

Rule option_rule(const Flag &flag) {
  return completion_rules_cpp::rule_of(completion_rules_cpp::k_option_rules,
                                       flag.long_name(), flag.choices,
                                       flag.comma_list);
}

Rule argument_rule(const Command &command, const Positional &positional) {
  return completion_rules_cpp::rule_of(completion_rules_cpp::k_argument_rules,
                                       command.name + " " + positional.name,
                                       positional.choices, false);
}

std::vector<Word> field_words() {
  std::vector<Word> out;
  for (const auto &field : render::all_fields())
    out.push_back({std::string(field.name), std::string(field.description)});
  return out;
}

std::vector<Word> words_of(const Rule &rule) {
  if (rule.source == Source::fields)
    return field_words();
  std::vector<Word> out;
  for (const std::string &word : rule.words)
    out.push_back({word, {}});
  return out;
}

std::vector<const Flag *> flags_of(const Tree &tree, const Command *command) {
  std::vector<const Flag *> out;
  if (command)
    for (const Flag &flag : command->flags)
      out.push_back(&flag);
  for (const Flag &flag : tree.flags) {
    bool shadowed = std::any_of(out.begin(), out.end(), [&](const Flag *own) {
      return own->long_name() == flag.long_name();
    });
    if (!shadowed)
      out.push_back(&flag);
  }
  return out;
}

std::string join(const std::vector<std::string> &items, std::string_view sep) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i)
    out += (i ? std::string(sep) : std::string()) + items[i];
  return out;
}

std::string sh_quote(std::string_view text) {
  std::string out = "'";
  for (char c : text)
    out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

std::string fish_quote(std::string_view text) {
  std::string out = "'";
  for (char c : text) {
    if (c == '\\' || c == '\'')
      out += '\\';
    out += c;
  }
  return out + "'";
}

} // namespace iom::docs
