#pragma once

// Lookup keys: every name and code of every entry, normalised. Used by the
// build-time generator (which emits the result as the static Dataset::keys)
// and by the runtime loader for --data files, so both agree byte for byte.

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "model.hpp"

namespace iom::query {

struct OwnedKey {
  std::string key;
  EntryIndex entry;
  KeyKind kind;
};

// Keys from each entry's id, name, short_name, aliases, iso2, iso3 and
// numeric, normalised; empty ones are skipped. When one entry gives the same
// key twice, the stronger kind is kept, in this order: iso2, iso3, numeric,
// name, short_name, id, alias (a code says the most about what the user
// typed; an alias the least). Sorted by (key, entry), which is the order
// lookup's binary search relies on. Throws std::length_error for more
// entries than an EntryIndex can address.
std::vector<OwnedKey> build_keys(std::span<const Entry> entries);

// Rank of a kind in the order above: 0 is the strongest.
int key_strength(KeyKind kind);

} // namespace iom::query
