#pragma once

// Comparing two datasets field by field, through the schema that reads and
// writes them, so that every field a file has is compared (bases and
// sources included) and a new field is compared without a line here.

#include "model.hpp"

#include <vector>

namespace iom::dataset {

// The differences from `before` to `after`: [meta], then regions, types and
// hosts by code, then entries by id. An entry whose id is gone and whose
// ISO code (iso3, iso2 or numeric) reappears under a new id is renamed, not
// removed and added. Within a section: the items of `after` in order
// (changed, renamed, added), then those removed, in the order of `before`.
std::vector<Change> diff(const Dataset &before, const Dataset &after);

// One field's value as a dataset file spells it (see Change).
template <typename Struct>
std::string spelled_value(const Dataset &data, const Struct &item,
                          std::size_t slot);

} // namespace iom::dataset
