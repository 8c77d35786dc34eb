#include "query/filter.hpp"

#include "query/keys.hpp"

#include "query/match.hpp"
#include "query/normalise.hpp"
#include "util/error.hpp"
#include "util/text.hpp"

#include <algorithm>

namespace iom::query {
namespace {

struct Named {
  std::string_view code;
  std::string_view name;
};

std::string described(const Named &item) {
  return std::string(item.code) + " (" + std::string(item.name) + ")";
}

// Exact code or name first; then a unique prefix of a code or a name.
std::size_t resolve(std::span<const Named> items, std::string_view value,
                    std::string_view what) {
  std::string wanted = normalise(value);
  if (!wanted.empty()) {
    for (std::size_t i = 0; i < items.size(); ++i)
      if (normalise(items[i].code) == wanted ||
          normalise(items[i].name) == wanted)
        return i;
    std::vector<std::size_t> prefixed;
    for (std::size_t i = 0; i < items.size(); ++i)
      if (normalise(items[i].code).starts_with(wanted) ||
          normalise(items[i].name).starts_with(wanted))
        prefixed.push_back(i);
    if (prefixed.size() == 1)
      return prefixed.front();
    if (prefixed.size() > 1) {
      std::string message = "ambiguous " + std::string(what) + " '" +
                            std::string(value) + "': it is the start of ";
      for (std::size_t i = 0; i < prefixed.size(); ++i)
        message += (i == 0                     ? ""
                    : i + 1 == prefixed.size() ? " and "
                                               : ", ") +
                   described(items[prefixed[i]]);
      throw Error(message + "; give more of it");
    }
  }
  std::string message = "unknown " + std::string(what) + " '" +
                        std::string(value) + "'; valid values: ";
  for (std::size_t i = 0; i < items.size(); ++i)
    message += (i ? ", " : "") + described(items[i]);
  throw Error(message);
}

} // namespace

RegionIndex resolve_region(const Dataset &data, std::string_view value) {
  std::vector<Named> items;
  for (const auto &r : data.regions)
    items.push_back({r.code, r.name});
  return static_cast<RegionIndex>(resolve(items, value, "region"));
}

TypeIndex resolve_type(const Dataset &data, std::string_view value) {
  std::vector<Named> items;
  for (const auto &t : data.types)
    items.push_back({t.code, t.name});
  return static_cast<TypeIndex>(resolve(items, value, "type"));
}

std::string resolve_host(const Dataset &data, std::string_view value) {
  if (const Host *host = find_host(data, value))
    return std::string(host->iso2);
  std::vector<Match> found = lookup(data, value);
  std::erase_if(found, [&](const Match &m) {
    const Place place = place_at(data, m.place);
    return place.entry && place.entry->kind == Kind::office;
  });
  if (found.size() > 1)
    throw Error("host country '" + std::string(value) +
                "' is ambiguous; give its ISO code");
  if (found.size() == 1) {
    const Place place = place_at(data, found.front().place);
    const std::string_view iso2 =
        place.entry ? place.entry->iso2 : place.world->iso2;
    if (!iso2.empty())
      return std::string(iso2);
  }
  throw Error("unknown host country '" + std::string(value) +
              "'; give a country name or ISO code");
}

std::vector<std::string> city_keys(const Entry &entry) {
  if (entry.city.empty())
    return {};
  const std::string_view first = entry.city.substr(0, entry.city.find(','));
  return {normalise(entry.city), normalise(first)};
}

bool in_city(const Entry &entry, std::string_view city) {
  const std::vector<std::string> keys = city_keys(entry);
  return std::find(keys.begin(), keys.end(), city) != keys.end();
}

std::string resolve_city(const Dataset &data, std::string_view value) {
  std::string city = normalise(value);
  std::vector<std::string_view> cities;
  for (const auto &entry : data.entries) {
    if (!city.empty() && in_city(entry, city))
      return city;
    if (!entry.city.empty() &&
        std::find(cities.begin(), cities.end(), entry.city) == cities.end())
      cities.push_back(entry.city);
  }
  std::sort(cities.begin(), cities.end());
  std::string list;
  for (std::string_view name : cities)
    list += (list.empty() ? "" : "; ") + std::string(name);
  throw Error("no entry is in the city '" + std::string(value) +
              "'; the cities of the data: " + (list.empty() ? "none" : list));
}

std::string_view host_of(const Entry &entry) {
  return entry.kind == Kind::office ? entry.host : entry.iso2;
}

bool contains_at_word(std::string_view text, std::string_view needle) {
  if (needle.empty())
    return true;
  for (std::size_t at = text.find(needle); at != std::string_view::npos;
       at = text.find(needle, at + 1))
    if (at == 0 || text[at - 1] == ' ')
      return true;
  return false;
}

bool accepts(const Filter &filter, const Entry &entry) {
  auto any_of = [](const auto &wanted, const auto &value) {
    if (wanted.empty())
      return true;
    for (const auto &w : wanted)
      if (w == value)
        return true;
    return false;
  };
  if (filter.countries_only && entry.kind == Kind::office)
    return false;
  if (filter.kind && entry.kind != *filter.kind)
    return false;
  if (!any_of(filter.regions, entry.region) ||
      !any_of(filter.types, entry.type))
    return false;
  if (!filter.hosts.empty() && !any_of(filter.hosts, host_of(entry)))
    return false;
  if (filter.basis && entry.region_basis != *filter.basis &&
      entry.type_basis != *filter.basis)
    return false;
  if (!filter.languages.empty()) {
    // Language codes are compared without regard to case: -l EN is -l en.
    bool found = false;
    for (auto language : entry.languages)
      for (const auto &wanted : filter.languages)
        found = found || util::equal_ignoring_ascii_case(language, wanted);
    if (!found)
      return false;
  }
  if (!filter.cities.empty() &&
      std::none_of(filter.cities.begin(), filter.cities.end(),
                   [&](const auto &city) { return in_city(entry, city); }))
    return false;
  if (!filter.match.empty()) {
    bool found = contains_at_word(normalise(entry.name), filter.match) ||
                 contains_at_word(normalise(entry.short_name), filter.match);
    for (auto alias : entry.aliases)
      found = found || contains_at_word(normalise(alias), filter.match);
    if (!found)
      return false;
  }
  return true;
}

bool accepts(const Filter &filter, const WorldRow &row) {
  // A row outside the directory has no IOM fields to satisfy a filter on.
  if (filter.kind || !filter.regions.empty() || !filter.types.empty() ||
      !filter.hosts.empty() || filter.basis || !filter.languages.empty() ||
      !filter.cities.empty())
    return false;
  if (filter.match.empty())
    return true;
  for (const std::string_view name :
       {row.name, row.formal_name, row.name_fr, row.name_es})
    if (contains_at_word(normalise(name), filter.match))
      return true;
  return false;
}

std::vector<PlaceIndex> select_world(const Dataset &data,
                                     const Filter &filter) {
  std::vector<PlaceIndex> places = select(data, filter);
  const std::vector<PlaceIndex> world = world_places(data);
  for (std::size_t i = 0; i < world.size(); ++i)
    if (world[i] >= data.entries.size() && accepts(filter, data.world[i]))
      places.push_back(world[i]);
  return places;
}

KindCounts count_kinds(const Dataset &data) {
  KindCounts counts;
  for (const auto &entry : data.entries) {
    counts.countries += entry.kind == Kind::country;
    counts.territories += entry.kind == Kind::territory;
    counts.offices += entry.kind == Kind::office;
  }
  return counts;
}

std::vector<EntryIndex> select(const Dataset &data, const Filter &filter) {
  std::vector<EntryIndex> result;
  for (std::size_t i = 0; i < data.entries.size(); ++i)
    if (accepts(filter, data.entries[i]))
      result.push_back(static_cast<EntryIndex>(i));
  return result;
}

} // namespace iom::query
