#include "query/keys.hpp"

#include <algorithm>
#include <limits>
#include <optional>
#include <stdexcept>
#include <tuple>
#include <unordered_map>

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

int key_class(KeyKind kind) {
  switch (kind) {
  case KeyKind::name:
  case KeyKind::short_name:
  case KeyKind::id:
    return 3; // one class for lookup's From::name
  case KeyKind::iso2:
  case KeyKind::iso3:
  case KeyKind::numeric:
  case KeyKind::alias:
    break;
  }
  return key_strength(kind);
}

std::vector<PlaceIndex> world_places(const Dataset &data) {
  std::vector<PlaceIndex> places(data.world.size());
  for (std::size_t i = 0; i < places.size(); ++i)
    places[i] = world_place(data, i);
  for (std::size_t i = 0; i < data.entries.size(); ++i)
    if (data.entries[i].world != k_no_world)
      places[to_size(data.entries[i].world)] = static_cast<PlaceIndex>(i);
  return places;
}

std::vector<OwnedKey> build_keys(std::span<const Entry> entries) {
  Dataset data;
  data.entries = entries;
  return build_keys(data);
}

std::vector<OwnedKey> build_keys(const Dataset &data) {
  if (place_count(data) > std::size_t{std::numeric_limits<PlaceIndex>::max()})
    throw std::length_error("iom: too many places for a PlaceIndex");

  std::vector<OwnedKey> keys;
  std::string scratch;
  const auto add = [&](std::string_view text, std::size_t place, KeyKind kind) {
    normalise_into(scratch, text);
    if (!scratch.empty())
      keys.push_back({scratch, static_cast<PlaceIndex>(place), kind});
  };
  for (std::size_t i = 0; i < data.entries.size(); ++i) {
    const Entry &e = data.entries[i];
    add(e.iso2, i, KeyKind::iso2);
    add(e.iso3, i, KeyKind::iso3);
    add(e.numeric, i, KeyKind::numeric);
    add(e.name, i, KeyKind::name);
    add(e.short_name, i, KeyKind::short_name);
    add(e.id, i, KeyKind::id);
    for (const std::string_view alias : e.aliases)
      add(alias, i, KeyKind::alias);
  }
  const std::vector<PlaceIndex> places = world_places(data);
  std::unordered_map<std::string_view, PlaceIndex> by_iso3;
  for (std::size_t i = 0; i < data.world.size(); ++i) {
    const WorldRow &row = data.world[i];
    const PlaceIndex place = places[i];
    by_iso3.emplace(row.iso3, place);
    add(row.iso2, place, KeyKind::iso2);
    add(row.iso3, place, KeyKind::iso3);
    add(row.numeric, place, KeyKind::numeric);
    for (const std::string_view name :
         {row.name, row.formal_name, row.name_fr, row.name_es})
      add(name, place, KeyKind::name);
  }
  const auto place_of_iso3 = [&](std::string_view iso3) {
    const auto found = by_iso3.find(iso3);
    return found == by_iso3.end() ? std::nullopt
                                  : std::optional<PlaceIndex>(found->second);
  };
  // A host country's names ([[hosts]]) are its world row's too.
  for (const Host &host : data.hosts)
    if (const auto place = place_of_iso3(host.iso3)) {
      add(host.name, *place, KeyKind::alias);
      for (const std::string_view alias : host.aliases)
        add(alias, *place, KeyKind::alias);
    }
  for (const WorldAlias &alias : data.world_aliases)
    if (const auto place = place_of_iso3(alias.iso3))
      add(alias.name, *place, KeyKind::alias);
  for (const SharedName &shared : data.shared_names)
    for (const std::string_view iso3 : shared.iso3s)
      if (const auto place = place_of_iso3(iso3))
        add(shared.name, *place, KeyKind::alias);

  std::sort(keys.begin(), keys.end(), [](const OwnedKey &x, const OwnedKey &y) {
    return std::forward_as_tuple(x.key, x.place, key_strength(x.kind)) <
           std::forward_as_tuple(y.key, y.place, key_strength(y.kind));
  });
  // The strongest kind of each (key, place) now comes first; a weaker one
  // stays when From tells them apart (key_class), so that --from alias
  // still finds a directory alias that is also a world name.
  const auto last = std::unique(keys.begin(), keys.end(),
                                [](const OwnedKey &x, const OwnedKey &y) {
                                  return x.key == y.key && x.place == y.place &&
                                         key_class(x.kind) == key_class(y.kind);
                                });
  keys.erase(last, keys.end());
  return keys;
}

std::vector<std::uint32_t> build_key_slots(std::span<const Key> keys) {
  if (keys.size() >= std::numeric_limits<std::uint32_t>::max())
    throw std::length_error("iom: too many keys for the lookup table");
  std::size_t distinct = 0;
  for (std::size_t i = 0; i < keys.size(); ++i)
    if (i == 0 || keys[i].key != keys[i - 1].key)
      ++distinct;
  std::size_t size = 1;
  while (size < 2 * distinct)
    size *= 2;
  std::vector<std::uint32_t> slots(distinct == 0 ? 0 : size, 0);
  const std::size_t mask = size - 1;
  for (std::size_t i = 0; i < keys.size(); ++i) {
    if (i > 0 && keys[i].key == keys[i - 1].key)
      continue;
    std::size_t slot = key_hash(keys[i].key) & mask;
    while (slots[slot] != 0)
      slot = (slot + 1) & mask;
    slots[slot] = static_cast<std::uint32_t>(i + 1);
  }
  return slots;
}

} // namespace iom::query
