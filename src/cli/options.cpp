#include "cli/options.hpp"

#include "cli/context.hpp"

#include <algorithm>

namespace iom::cli {

OptionWords::OptionWords(int argc, char **argv) {
  for (int i = 1; i < argc; ++i) {
    std::string_view word = argv[i];
    if (word.starts_with("--"))
      m_long.push_back(word.substr(2, word.find('=') - 2));
    else if (word.size() > 1 && word.front() == '-')
      for (char c : word.substr(1))
        m_short[static_cast<unsigned char>(c)] = true;
  }
}

bool OptionWords::names(std::string_view names) const {
  while (!names.empty()) {
    std::size_t comma = names.find(',');
    std::string_view name = names.substr(0, comma);
    if (name.starts_with("--")
            ? names_long(name.substr(2))
            : name.size() == 2 && name[0] == '-' && names_short(name[1]))
      return true;
    names = comma == std::string_view::npos ? std::string_view()
                                            : names.substr(comma + 1);
  }
  return false;
}

bool OptionWords::names(const CLI::Option &option) const {
  for (const std::string &name : option.get_lnames())
    if (names_long(name))
      return true;
  for (const std::string &name : option.get_snames())
    if (name.size() == 1 && names_short(name[0]))
      return true;
  return false;
}

bool OptionWords::names_long(std::string_view name) const {
  return std::find(m_long.begin(), m_long.end(), name) != m_long.end();
}

bool OptionWords::names_short(char name) const {
  return m_short[static_cast<unsigned char>(name)];
}

OptionAdder::OptionAdder(CLI::App &command, const Context &context)
    : m_command(command), m_words(context.words) {}

OptionRef OptionAdder::flag(std::string_view names, bool &value,
                            std::string_view description) {
  if (!wanted(names))
    return OptionRef(nullptr);
  return OptionRef(
      m_command.add_flag(std::string(names), value, std::string(description)));
}

bool OptionAdder::wanted(std::string_view names) const {
  // A name without a dash is a positional argument's: every run needs it.
  return !m_words || !names.starts_with('-') || m_words->names(names);
}

} // namespace iom::cli
