#pragma once

// Selecting and ordering entries: the list commands' filters.

#include "model.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace iom::query {

struct Filter {
  bool countries_only = false;        // countries and territories
  std::vector<RegionIndex> regions;   // any of; empty = all
  std::vector<TypeIndex> types;       // any of
  std::vector<std::string> languages; // any of, exact site-language codes
  std::optional<Kind> kind;
  std::vector<std::string> hosts;  // any of, ISO alpha-2 of the host
  std::optional<Basis> basis;      // region_basis or type_basis
  std::string match;               // normalised; matched at word starts
  std::vector<std::string> cities; // any of, resolved by resolve_city
};

// A region or type value: a code, a full name or a unique prefix of either,
// with case and accents ignored. Throws iom::Error (exit 2) listing the valid
// values when nothing or several match.
RegionIndex resolve_region(const Dataset &data, std::string_view value);
TypeIndex resolve_type(const Dataset &data, std::string_view value);

// A host country value, resolved through the matcher to ISO alpha-2 codes
// (an entry or a [[hosts]] record). Throws iom::Error when it names nothing.
std::string resolve_host(const Dataset &data, std::string_view value);

// A --city value: the normalised city when some entry's city is it, whole
// or before its first comma ("Washington" for "Washington, D.C."). Cities
// are not lookup keys, as several entries share one (Nairobi holds IOM Kenya
// and a regional office). Throws iom::Error (exit 2) listing the cities.
std::string resolve_city(const Dataset &data, std::string_view value);

// Whether an entry's city is a resolved --city value.
bool in_city(const Entry &entry, std::string_view city);

// The normalised names that put an entry in a city (in_city's rule): its
// city whole and before its first comma; none without a city.
std::vector<std::string> city_keys(const Entry &entry);

// The host country of an entry: its own iso2 for a country or territory.
std::string_view host_of(const Entry &entry);

bool accepts(const Filter &filter, const Entry &entry);

// Indices of the accepted entries, in dataset order.
std::vector<EntryIndex> select(const Dataset &data, const Filter &filter);

// A world row outside the directory passes only a filter on no IOM field
// (no region, type, kind, host, basis or language); --match reads its
// names.
bool accepts(const Filter &filter, const WorldRow &row);

// select(), then the accepted world rows outside the directory, as places.
std::vector<PlaceIndex> select_world(const Dataset &data, const Filter &filter);

struct KindCounts {
  std::size_t countries = 0;
  std::size_t territories = 0;
  std::size_t offices = 0;
};

KindCounts count_kinds(const Dataset &data);

// True when `text` (normalised) has `needle` (normalised) starting at a word.
bool contains_at_word(std::string_view text, std::string_view needle);

} // namespace iom::query
