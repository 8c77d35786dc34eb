#include "dataset/names.hpp"

#include <array>

namespace iom::dataset {
namespace {

template <typename Enum, std::size_t N>
std::optional<Enum> parse(const std::array<std::string_view, N> &names,
                          std::string_view text) {
  for (std::size_t i = 0; i < N; ++i)
    if (names[i] == text)
      return static_cast<Enum>(i);
  return std::nullopt;
}

constexpr std::array<std::string_view, 3> k_kinds{"country", "territory",
                                                  "office"};
constexpr std::array<std::string_view, 3> k_bases{"sourced", "default",
                                                  "inferred"};
constexpr std::array<std::string_view, 3> k_code_statuses{
    "iso", "user-assigned", "none"};

} // namespace

std::string_view to_string(Kind kind) {
  return k_kinds[static_cast<std::size_t>(kind)];
}
std::string_view to_string(Basis basis) {
  return k_bases[static_cast<std::size_t>(basis)];
}
std::string_view to_string(CodeStatus status) {
  return k_code_statuses[static_cast<std::size_t>(status)];
}

std::optional<Kind> parse_kind(std::string_view text) {
  return parse<Kind>(k_kinds, text);
}
std::optional<Basis> parse_basis(std::string_view text) {
  return parse<Basis>(k_bases, text);
}
std::optional<CodeStatus> parse_code_status(std::string_view text) {
  return parse<CodeStatus>(k_code_statuses, text);
}

} // namespace iom::dataset
