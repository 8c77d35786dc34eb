#include "cli/choices.hpp"

#include "cli/suggest.hpp"
#include "util/error.hpp"

#include "cli/cli11.hpp"

#include <vector>

namespace iom::cli {
namespace choices_cpp {
namespace {

// The value nearest to `value` within a typo (cli/suggest), or nullptr.
const util::Choice *nearest(util::Choices choices, std::string_view value) {
  std::vector<std::string_view> values;
  for (const util::Choice &choice : choices)
    values.push_back(choice.value);
  std::string_view found = closest(value, values);
  return found.empty() ? nullptr : util::find_choice(choices, found);
}

} // namespace
} // namespace choices_cpp

std::string choice_error(const ChoiceList &list, std::string_view value) {
  std::string message =
      "unknown " + std::string(list.what) + " '" + std::string(value) + "'; ";
  if (const util::Choice *near = choices_cpp::nearest(list.choices, value))
    message += "did you mean '" + std::string(near->value) + "'? ";
  message += "valid " + std::string(list.valid) + ": ";
  for (std::size_t i = 0; i < list.choices.size(); ++i)
    message += (i ? ", " : "") + std::string(list.choices[i].value);
  return message;
}

std::size_t choice_index(const ChoiceList &list, std::string_view value) {
  const util::Choice *choice = util::find_choice(list.choices, value);
  if (!choice)
    throw Error(choice_error(list, value));
  return static_cast<std::size_t>(choice - list.choices.data());
}

CLI::Option *add_choices(CLI::Option *option, const ChoiceList &list) {
  // Thrown rather than returned: CLI11 would put the option's name in front
  // of a returned message, and iom's own words are the whole message.
  auto check = [list](std::string &value) {
    choice_index(list, value);
    return std::string();
  };
  return option->check(CLI::Validator(check, util::encode_choices(list.choices),
                                      std::string(util::k_choices_validator)));
}

} // namespace iom::cli
