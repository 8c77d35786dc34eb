#pragma once

// The spellings of the model's enums, beside the model so that every stage
// may use them: the loader and the generator parse them, the field tables
// print them, and --kind and --basis offer them (util::Choices). Each list is
// in its enum's order. Header-only, so that it belongs to no one stage's
// library.

#include "model.hpp"
#include "util/choices.hpp"

#include <cstddef>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>

namespace iom {

inline constexpr util::Choice k_kind_names[] = {
    {"country"},
    {"territory"},
    {"office"},
};
inline constexpr util::Choice k_basis_names[] = {
    {"sourced"},
    {"default"},
    {"inferred"},
};
inline constexpr util::Choice k_lang_names[] = {
    {"en", "English"},
    {"fr", "French"},
    {"es", "Spanish"},
};
static_assert(std::size(k_lang_names) == k_lang_count);
inline constexpr util::Choice k_code_status_names[] = {
    {"iso"},
    {"user-assigned"},
    {"none"},
};

// Spelling<Enum>: the one table of an enum's spellings, in the enum's order,
// with what the loader's messages and the generated tables need of it.
template <typename Enum> struct Spelling;

template <> struct Spelling<Kind> {
  static constexpr std::string_view type = "Kind";
  static constexpr util::Choices names = k_kind_names;
  // Whether the loader's message for a bad value quotes the value.
  static constexpr bool quote_value = true;
};

template <> struct Spelling<Basis> {
  static constexpr std::string_view type = "Basis";
  static constexpr util::Choices names = k_basis_names;
  static constexpr bool quote_value = false;
};

template <> struct Spelling<CodeStatus> {
  static constexpr std::string_view type = "CodeStatus";
  static constexpr util::Choices names = k_code_status_names;
  static constexpr bool quote_value = true;
};

template <> struct Spelling<Lang> {
  static constexpr std::string_view type = "Lang";
  static constexpr util::Choices names = k_lang_names;
  static constexpr bool quote_value = true;
};

template <typename Enum> constexpr std::string_view spelling(Enum value) {
  return Spelling<Enum>::names[static_cast<std::size_t>(value)].value;
}

template <typename Enum>
constexpr std::optional<Enum> parse_spelling(std::string_view text) {
  util::Choices names = Spelling<Enum>::names;
  for (std::size_t i = 0; i < names.size(); ++i)
    if (names[i].value == text)
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
  return util::join_choices(Spelling<Enum>::names);
}

constexpr std::string_view to_string(Kind kind) { return spelling(kind); }
constexpr std::string_view to_string(Basis basis) { return spelling(basis); }
constexpr std::string_view to_string(CodeStatus status) {
  return spelling(status);
}

constexpr std::optional<Kind> parse_kind(std::string_view text) {
  return parse_spelling<Kind>(text);
}
constexpr std::optional<Basis> parse_basis(std::string_view text) {
  return parse_spelling<Basis>(text);
}
constexpr std::optional<CodeStatus> parse_code_status(std::string_view text) {
  return parse_spelling<CodeStatus>(text);
}

// The values of --kind and --basis.
constexpr util::Choices kind_choices() { return k_kind_names; }
constexpr util::Choices basis_choices() { return k_basis_names; }

} // namespace iom
