#pragma once

#include "model.hpp"

namespace iom::query {

// Builds the sorted, normalised lookup keys of a loaded dataset and their
// word index (the built-in one has both from build time) and attaches them
// to it.
void attach_keys(Dataset &data);

} // namespace iom::query
