#include "cli/choices.hpp"

#include "query/distance.hpp"
#include "util/error.hpp"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <cctype>

namespace iom::cli {
namespace {

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) {
    return static_cast<char>(std::tolower(c));
  });
  return out;
}

// The value nearest to `value`, or nullptr when none is within a typo or
// two: one edit up to 5 bytes (so "jsn" finds "json"), then edit_bound's.
const util::Choice *nearest(util::Choices choices, std::string_view value) {
  std::string typed = lower(value);
  int bound = std::max(1, query::edit_bound(typed.size()));
  const util::Choice *best = nullptr;
  for (const util::Choice &choice : choices) {
    int distance = query::damerau_levenshtein(typed, choice.value, bound);
    if (distance <= bound && distance < static_cast<int>(choice.value.size())) {
      best = &choice;
      bound = distance - 1;
      if (bound < 0)
        break;
    }
  }
  return best;
}

} // namespace

std::string choice_error(const ChoiceList &list, std::string_view value) {
  std::string message =
      "unknown " + std::string(list.what) + " '" + std::string(value) + "'; ";
  if (const util::Choice *near = nearest(list.choices, value))
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
