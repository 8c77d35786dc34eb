#pragma once

// Registering a command's options for one run. CLI11 matches option names
// exactly, so an option that no word of argv can name cannot change the
// parse; a run registers only the options its words can name (OptionWords),
// which saves most of the set-up a lookup pays for. --help, the man page, the
// completions and a refusal's did-you-mean build the whole tree.

#include "cli/choices.hpp"
#include "cli/cli11.hpp"

#include <array>
#include <string>
#include <string_view>
#include <vector>

namespace iom::cli {

class Context;

// The option names that argv's words can stand for, over-approximated: a
// word "--name" or "--name=VALUE" stands for --name, a word "-abc" for -a,
// -b and -c (short flags, or a short option with its value glued on).
class OptionWords {
public:
  OptionWords(int argc, char **argv);

  // Whether a word can stand for one of `names` ("-f,--format").
  bool names(std::string_view names) const;
  bool names(const CLI::Option &option) const;

private:
  bool names_long(std::string_view name) const;
  bool names_short(char name) const;

  std::vector<std::string_view> m_long; // without the dashes or a value
  std::array<bool, 256> m_short{};
};

// An option as registered, or none when the run left it out: the chained
// settings then do nothing.
class OptionRef {
public:
  explicit OptionRef(CLI::Option *option) : m_option(option) {}

  OptionRef &delimiter(char separator) {
    if (m_option)
      m_option->delimiter(separator);
    return *this;
  }
  OptionRef &type_name(std::string_view name) {
    if (m_option)
      m_option->type_name(std::string(name));
    return *this;
  }
  OptionRef &choices(const ChoiceList &list) {
    if (m_option)
      add_choices(m_option, list);
    return *this;
  }

private:
  CLI::Option *m_option;
};

// Adds a command's named options ("-r,--region") as this run needs them:
// every one unless the context holds the words of a run (Context::words).
// Positional arguments are CLI11's add_option's, always registered.
class OptionAdder {
public:
  OptionAdder(CLI::App &command, const Context &context);

  template <typename T>
  OptionRef option(std::string_view names, T &value,
                   std::string_view description) {
    if (!wanted(names))
      return OptionRef(nullptr);
    return OptionRef(m_command.add_option(std::string(names), value,
                                          std::string(description)));
  }
  // An option a run must be given: registered in every run, so that its
  // absence is reported.
  template <typename T>
  OptionRef required_option(std::string_view names, T &value,
                            std::string_view description) {
    return OptionRef(
        m_command
            .add_option(std::string(names), value, std::string(description))
            ->required());
  }
  OptionRef flag(std::string_view names, bool &value,
                 std::string_view description);

private:
  bool wanted(std::string_view names) const;

  CLI::App &m_command;
  const OptionWords *m_words;
};

} // namespace iom::cli
