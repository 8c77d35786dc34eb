#pragma once

// The spellings of the model's enums, beside the model so that every stage
// may use them: the loader and the generator parse them, the field tables
// print them, and --kind and --basis offer them (util::Choices). Each list is
// in its enum's order. Header-only, so that it belongs to no one stage's
// library.

#include "model.hpp"
#include "util/choices.hpp"

#include <cstddef>
#include <optional>
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
inline constexpr util::Choice k_code_status_names[] = {
    {"iso"},
    {"user-assigned"},
    {"none"},
};

constexpr std::string_view to_string(Kind kind) {
  return k_kind_names[static_cast<std::size_t>(kind)].value;
}
constexpr std::string_view to_string(Basis basis) {
  return k_basis_names[static_cast<std::size_t>(basis)].value;
}
constexpr std::string_view to_string(CodeStatus status) {
  return k_code_status_names[static_cast<std::size_t>(status)].value;
}

namespace detail {
template <typename Enum>
constexpr std::optional<Enum> parse_name(util::Choices names,
                                         std::string_view text) {
  for (std::size_t i = 0; i < names.size(); ++i)
    if (names[i].value == text)
      return static_cast<Enum>(i);
  return std::nullopt;
}
} // namespace detail

constexpr std::optional<Kind> parse_kind(std::string_view text) {
  return detail::parse_name<Kind>(k_kind_names, text);
}
constexpr std::optional<Basis> parse_basis(std::string_view text) {
  return detail::parse_name<Basis>(k_basis_names, text);
}
constexpr std::optional<CodeStatus> parse_code_status(std::string_view text) {
  return detail::parse_name<CodeStatus>(k_code_status_names, text);
}

// The values of --kind and --basis.
constexpr util::Choices kind_choices() { return k_kind_names; }
constexpr util::Choices basis_choices() { return k_basis_names; }

} // namespace iom
