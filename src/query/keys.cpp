#include "query/keys.hpp"

#include <algorithm>
#include <limits>
#include <stdexcept>
#include <tuple>

#include "query/normalise.hpp"

namespace iom::query {

int key_strength(KeyKind kind) {
  switch (kind) {
  case KeyKind::iso2:
    return 0;
  case KeyKind::iso3:
    return 1;
  case KeyKind::numeric:
    return 2;
  case KeyKind::name:
    return 3;
  case KeyKind::short_name:
    return 4;
  case KeyKind::id:
    return 5;
  case KeyKind::alias:
    return 6;
  }
  return 7;
}

std::vector<OwnedKey> build_keys(std::span<const Entry> entries) {
  if (entries.size() > std::size_t{std::numeric_limits<EntryIndex>::max()} + 1)
    throw std::length_error("iom: too many entries for an EntryIndex");

  std::vector<OwnedKey> keys;
  std::string scratch;
  const auto add = [&](std::string_view text, std::size_t entry, KeyKind kind) {
    normalise_into(scratch, text);
    if (!scratch.empty())
      keys.push_back({scratch, static_cast<EntryIndex>(entry), kind});
  };
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const Entry &e = entries[i];
    add(e.iso2, i, KeyKind::iso2);
    add(e.iso3, i, KeyKind::iso3);
    add(e.numeric, i, KeyKind::numeric);
    add(e.name, i, KeyKind::name);
    add(e.short_name, i, KeyKind::short_name);
    add(e.id, i, KeyKind::id);
    for (const std::string_view alias : e.aliases)
      add(alias, i, KeyKind::alias);
  }

  std::sort(keys.begin(), keys.end(), [](const OwnedKey &x, const OwnedKey &y) {
    return std::forward_as_tuple(x.key, x.entry, key_strength(x.kind)) <
           std::forward_as_tuple(y.key, y.entry, key_strength(y.kind));
  });
  // The strongest kind of each (key, entry) now comes first.
  const auto last = std::unique(keys.begin(), keys.end(),
                                [](const OwnedKey &x, const OwnedKey &y) {
                                  return x.key == y.key && x.entry == y.entry;
                                });
  keys.erase(last, keys.end());
  return keys;
}

} // namespace iom::query
