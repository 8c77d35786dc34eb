#include "dataset/names.hpp"

namespace iom::dataset {

std::string_view to_string(Kind kind) { return spelling(kind); }
std::string_view to_string(Basis basis) { return spelling(basis); }
std::string_view to_string(CodeStatus status) { return spelling(status); }

std::optional<Kind> parse_kind(std::string_view text) {
  return parse_spelling<Kind>(text);
}
std::optional<Basis> parse_basis(std::string_view text) {
  return parse_spelling<Basis>(text);
}
std::optional<CodeStatus> parse_code_status(std::string_view text) {
  return parse_spelling<CodeStatus>(text);
}

} // namespace iom::dataset
