#pragma once

// A list of allowed values, defined once beside the option or argument that
// takes it. The parser (a CLI11 validator named k_choices_validator), --help,
// the man page, the completions and the did-you-mean for a bad value all read
// that one list.
//
// The CLI11 tree carries a list as the validator's description,
// encode_choices() of it: "{table,tsv,csv}". docs/ reads it back with
// decode_choices(), so that docs/ needs nothing from cli/.

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace iom::util {

struct Choice {
  std::string_view value;
  std::string_view description; // may be empty
};

using Choices = std::span<const Choice>;

inline constexpr std::string_view k_choices_validator = "choices";

// {"a", "b"} -> "{a,b}".
std::string encode_choices(Choices choices);

// "{a,b}" -> {"a", "b"}; anything else -> {}.
std::vector<std::string> decode_choices(std::string_view text);

// "a, b or c".
std::string join_choices(Choices choices);

// The choice whose value equals `value`, or nullptr.
const Choice *find_choice(Choices choices, std::string_view value);

} // namespace iom::util
