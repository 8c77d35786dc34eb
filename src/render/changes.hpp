#pragma once

// The field table of a list of changes (iom diff, iom import): one row per
// changed field, or per item added or removed.

#include "model.hpp"
#include "render/fields.hpp"

#include <span>
#include <string_view>

namespace iom::render {

std::string_view to_string(ChangeKind kind);

std::span<const Field<Change>> change_fields();

} // namespace iom::render
