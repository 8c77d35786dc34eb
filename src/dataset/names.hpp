#pragma once

// The spellings of the model's enums, shared by the loader, the generator and
// the field table: Spelling<Enum>::names holds them in the order of the enum's
// values.

#include "model.hpp"

#include <array>
#include <optional>
#include <string>
#include <string_view>

namespace iom::dataset {

template <typename Enum> struct Spelling;

template <> struct Spelling<Kind> {
  static constexpr std::string_view type = "Kind";
  static constexpr std::array<std::string_view, 3> names{"country", "territory",
                                                         "office"};
  // Whether the loader's message for a bad value quotes the value.
  static constexpr bool quote_value = true;
};

template <> struct Spelling<Basis> {
  static constexpr std::string_view type = "Basis";
  static constexpr std::array<std::string_view, 3> names{"sourced", "default",
                                                         "inferred"};
  static constexpr bool quote_value = false;
};

template <> struct Spelling<CodeStatus> {
  static constexpr std::string_view type = "CodeStatus";
  static constexpr std::array<std::string_view, 3> names{"iso", "user-assigned",
                                                         "none"};
  static constexpr bool quote_value = true;
};

template <typename Enum> constexpr std::string_view spelling(Enum value) {
  return Spelling<Enum>::names[static_cast<std::size_t>(value)];
}

template <typename Enum>
constexpr std::optional<Enum> parse_spelling(std::string_view text) {
  const auto &names = Spelling<Enum>::names;
  for (std::size_t i = 0; i < names.size(); ++i)
    if (names[i] == text)
      return static_cast<Enum>(i);
  return std::nullopt;
}

// For the generated tables: a misspelt value fails to compile.
template <typename Enum> consteval Enum spelled(std::string_view text) {
  std::optional<Enum> value = parse_spelling<Enum>(text);
  if (!value)
    throw "not a spelling of this enum";
  return *value;
}

// "country, territory or office".
template <typename Enum> std::string spellings_or() {
  const auto &names = Spelling<Enum>::names;
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0)
      out += i + 1 == names.size() ? " or " : ", ";
    out += names[i];
  }
  return out;
}

std::string_view to_string(Kind kind);
std::string_view to_string(Basis basis);
std::string_view to_string(CodeStatus status);

std::optional<Kind> parse_kind(std::string_view text);
std::optional<Basis> parse_basis(std::string_view text);
std::optional<CodeStatus> parse_code_status(std::string_view text);

} // namespace iom::dataset
