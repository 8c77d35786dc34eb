#include "dataset/names.hpp"

namespace iom::dataset {
namespace {

// Each table is in its enum's order.
template <typename Enum>
std::optional<Enum> parse(util::Choices names, std::string_view text) {
  const util::Choice *choice = util::find_choice(names, text);
  if (!choice)
    return std::nullopt;
  return static_cast<Enum>(choice - names.data());
}

constexpr util::Choice k_kinds[] = {
    {"country"},
    {"territory"},
    {"office"},
};
constexpr util::Choice k_bases[] = {
    {"sourced"},
    {"default"},
    {"inferred"},
};
constexpr util::Choice k_code_statuses[] = {
    {"iso"},
    {"user-assigned"},
    {"none"},
};

} // namespace

std::string_view to_string(Kind kind) {
  return k_kinds[static_cast<std::size_t>(kind)].value;
}
std::string_view to_string(Basis basis) {
  return k_bases[static_cast<std::size_t>(basis)].value;
}
std::string_view to_string(CodeStatus status) {
  return k_code_statuses[static_cast<std::size_t>(status)].value;
}

util::Choices kind_choices() { return k_kinds; }
util::Choices basis_choices() { return k_bases; }

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
