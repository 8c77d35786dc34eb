#pragma once

// The spellings of the model's enums, beside the model so that every stage
// may use them: the loader and the generator parse them, the field tables
// print them. Header-only, so that it belongs to no one stage's library.

#include "model.hpp"

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>

namespace iom {

inline constexpr std::array<std::string_view, 3> k_kind_names{
    "country", "territory", "office"};
inline constexpr std::array<std::string_view, 3> k_basis_names{
    "sourced", "default", "inferred"};
inline constexpr std::array<std::string_view, 3> k_code_status_names{
    "iso", "user-assigned", "none"};

constexpr std::string_view to_string(Kind kind) {
  return k_kind_names[static_cast<std::size_t>(kind)];
}
constexpr std::string_view to_string(Basis basis) {
  return k_basis_names[static_cast<std::size_t>(basis)];
}
constexpr std::string_view to_string(CodeStatus status) {
  return k_code_status_names[static_cast<std::size_t>(status)];
}

namespace detail {
template <typename Enum, std::size_t N>
constexpr std::optional<Enum>
parse_name(const std::array<std::string_view, N> &names,
           std::string_view text) {
  for (std::size_t i = 0; i < N; ++i)
    if (names[i] == text)
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

} // namespace iom
