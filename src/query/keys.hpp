#pragma once

// Lookup keys: every name and code of every entry, normalised. Used by the
// build-time generator (which emits the result as the static Dataset::keys)
// and by the runtime loader for --data files, so both agree byte for byte.

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "model.hpp"
#include "util/hash.hpp"

namespace iom::query {

struct OwnedKey {
  std::string key;
  PlaceIndex place;
  KeyKind kind;
};

// Keys of every place (see PlaceIndex), normalised; empty ones are skipped:
//   - each entry's id, name, short_name, aliases, iso2, iso3 and numeric;
//   - each world row's codes, name, formal_name, name_fr and name_es, as
//     names of its entry when it has one, else of the row itself;
//   - the names of data.hosts and data.world_aliases, as aliases of their
//     world row's place;
//   - data.shared_names, as an alias of each of their countries, so that a
//     lookup finds several places and answers "ambiguous".
// A key that one place gives twice within one key_class is kept once, with
// its stronger kind. Sorted by
// (key, place, strength of kind) with the strength order iso2, iso3,
// numeric, name, short_name, id, alias (a code says the most about what the
// user typed; an alias the least), so the strongest kind of a (key, place)
// comes first; lookup's binary search relies on this order. Throws
// std::length_error for more places than a PlaceIndex can address.
std::vector<OwnedKey> build_keys(const Dataset &data);

// The keys of entries alone, without a world (tests and small tools).
std::vector<OwnedKey> build_keys(std::span<const Entry> entries);

// The hash of a normalised text that Dataset::key_slots is probed with (the
// same at build time and at run time).
inline std::uint64_t key_hash(std::string_view text) {
  return util::hash_bytes(text);
}

// The slots of Dataset::key_slots for `keys` (sorted as build_keys sorts
// them): at least twice as many slots as distinct texts. Throws
// std::length_error for more keys than a slot can address.
std::vector<std::uint32_t> build_key_slots(std::span<const Key> keys);

// The place of each world row: its entry's, or its own.
std::vector<PlaceIndex> world_places(const Dataset &data);

// Rank of a kind in the order above: 0 is the strongest.
int key_strength(KeyKind kind);

// The kinds that lookup's From tells apart: each code kind, the names
// (name, short_name, id), and alias.
int key_class(KeyKind kind);

} // namespace iom::query
