#pragma once

// The spellings of the model's enums, shared by the loader, the generator and
// the field table.

#include "model.hpp"
#include "util/choices.hpp"

#include <optional>
#include <string_view>

namespace iom::dataset {

std::string_view to_string(Kind kind);
std::string_view to_string(Basis basis);
std::string_view to_string(CodeStatus status);

std::optional<Kind> parse_kind(std::string_view text);
std::optional<Basis> parse_basis(std::string_view text);
std::optional<CodeStatus> parse_code_status(std::string_view text);

// Every spelling, in the enum's order: the values of --kind and --basis.
util::Choices kind_choices();
util::Choices basis_choices();

} // namespace iom::dataset
