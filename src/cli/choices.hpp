#pragma once

// A list of allowed values attached to a CLI11 option, and the way back from
// a value to what it stands for. The list is util::Choices, written beside
// the option in the order of the enum it maps to, so that adding a value is
// one line there (and the enumerator). The validator is named
// util::k_choices_validator and described by util::encode_choices(), which is
// how --help shows the values and how docs/ finds them.

#include "util/choices.hpp"

#include <cstddef>
#include <string>
#include <string_view>

namespace CLI {
class Option;
}

namespace iom::cli {

// A list and the words of its error: "unknown <what> 'x'; valid <valid>: ...".
struct ChoiceList {
  util::Choices choices;
  std::string_view what;             // "format", "--color value"
  std::string_view valid = "values"; // "formats"
};

// Attaches the validator: a value not in the list is refused while parsing,
// with choice_error()'s message (exit 2).
CLI::Option *add_choices(CLI::Option *option, const ChoiceList &list);

// "unknown format 'jsn'; did you mean 'json'? valid formats: table, ...":
// the nearest value by edit distance, when one is near enough.
std::string choice_error(const ChoiceList &list, std::string_view value);

// The position of `value` in the list; throws iom::Error with choice_error()
// when it is not there.
std::size_t choice_index(const ChoiceList &list, std::string_view value);

// The enumerator that `value` stands for: lists are in their enum's order.
template <typename Enum>
Enum choice_enum(const ChoiceList &list, std::string_view value) {
  return static_cast<Enum>(choice_index(list, value));
}

// -f and --color, defined beside their options in app.cpp and read by
// resolve_style (emit.cpp). Formats follow render::Format.
extern const ChoiceList k_format_list;
enum class ColorMode : unsigned char { automatic, always, never };
extern const ChoiceList k_color_list; // in ColorMode's order

} // namespace iom::cli
