// The built-in tables against the facts: the seed directory's 189 names in
// order, the counts per kind, region and office type, Kosovo's codes, office
// hosts, the regions and types, the headline claims; and build-time
// generation against run-time loading of the same data/iom.toml.

#include <doctest/doctest.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <type_traits>
#include <variant>
#include <vector>

#include "dataset/builtin.hpp"
#include "dataset/load.hpp"
#include "dataset/schema.hpp"
#include "model.hpp"
#include "query/index.hpp"
#include "query/keys.hpp"

using namespace iom;

namespace {

const Dataset &data() { return dataset::builtin(); }

std::string source_path(std::string_view relative) {
  std::string path = IOM_SOURCE_DIR;
  path += '/';
  path.append(relative);
  return path;
}

std::vector<std::string> read_lines(const std::string &path) {
  std::ifstream in(path, std::ios::binary);
  REQUIRE_MESSAGE(in.good(), "cannot open " << path);
  std::vector<std::string> lines;
  std::string line;
  while (std::getline(in, line))
    lines.push_back(line);
  return lines;
}

// Every name in the data is lowercase outside ASCII ("Côte", "Türkiye"), so
// ASCII lowercasing is the seed's lowercasing.
std::string ascii_lower(std::string_view text) {
  std::string out(text);
  for (char &c : out)
    if (c >= 'A' && c <= 'Z')
      c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::string_view region_code(const Entry &e) {
  const Region *region = region_of(data(), e);
  return region ? region->code : "-";
}

std::string_view type_code(const Entry &e) { return type_of(data(), e).code; }

const Entry *entry_by_id(const Dataset &d, std::string_view id) {
  for (const Entry &e : d.entries)
    if (e.id == id)
      return &e;
  return nullptr;
}

bool same_strings(Strings a, Strings b) {
  if (a.size() != b.size())
    return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (a[i] != b[i])
      return false;
  return true;
}

std::string joined(Strings list) {
  std::string out;
  for (std::string_view s : list) {
    out.append(s);
    out += '|';
  }
  return out;
}

} // namespace

TEST_CASE(
    "builtin dataset: lowercased names are the seed directory, in order") {
  const std::vector<std::string> seed =
      read_lines(source_path("tests/fixtures/seed_directory.txt"));
  REQUIRE(seed.size() == 189);
  const Dataset &d = data();
  REQUIRE(d.entries.size() == 189);
  for (std::size_t i = 0; i < seed.size(); ++i) {
    CAPTURE(i);
    CHECK(ascii_lower(d.entries[i].name) == seed[i]);
  }
}

TEST_CASE("builtin dataset: 176 countries and territories and 13 offices") {
  std::map<Kind, int> kinds;
  for (const Entry &e : data().entries)
    ++kinds[e.kind];
  CHECK(kinds[Kind::country] == 174);
  CHECK(kinds[Kind::territory] == 2);
  CHECK(kinds[Kind::country] + kinds[Kind::territory] == 176);
  CHECK(kinds[Kind::office] == 13);
}

TEST_CASE("builtin dataset: six regions and nine office types") {
  const Dataset &d = data();
  std::set<std::string_view> regions;
  for (const Region &r : d.regions)
    regions.insert(r.code);
  CHECK(d.regions.size() == 6);
  CHECK(regions ==
        std::set<std::string_view>{"ap", "eca", "ehsa", "lac", "mena", "wca"});
  std::set<std::string_view> types;
  for (const OfficeType &t : d.types)
    types.insert(t.code);
  CHECK(d.types.size() == 9);
  CHECK(types == std::set<std::string_view>{"ac", "co", "cocf", "copa", "go",
                                            "ro", "slo", "sro", "un"});
}

TEST_CASE("builtin dataset: every region and type index is valid") {
  const Dataset &d = data();
  for (const Entry &e : d.entries) {
    CAPTURE(e.id);
    CHECK((e.region == k_no_region || to_size(e.region) < d.regions.size()));
    CHECK(to_size(e.type) < d.types.size());
    // Only offices may lack a region.
    if (e.kind != Kind::office)
      CHECK(e.region != k_no_region);
  }
}

TEST_CASE("builtin dataset: entries per region, split by kind") {
  // region -> {countries and territories, offices}
  std::map<std::string_view, std::pair<int, int>> counts;
  for (const Entry &e : data().entries) {
    auto &c = counts[region_code(e)];
    (e.kind == Kind::office ? c.second : c.first) += 1;
  }
  const std::map<std::string_view, std::pair<int, int>> expected{
      {"ehsa", {25, 2}}, {"lac", {31, 1}}, {"ap", {34, 1}}, {"eca", {50, 2}},
      {"mena", {14, 1}}, {"wca", {22, 1}}, {"-", {0, 5}},
  };
  CHECK(counts == expected);
}

TEST_CASE("builtin dataset: entries per office type") {
  std::map<std::string_view, int> counts;
  for (const Entry &e : data().entries)
    ++counts[type_code(e)];
  const std::map<std::string_view, int> expected{
      {"co", 166}, {"cocf", 5}, {"copa", 4}, {"slo", 1}, {"ro", 6},
      {"sro", 2},  {"go", 2},   {"ac", 2},   {"un", 1},
  };
  CHECK(counts == expected);
}

TEST_CASE("builtin dataset: each region's office is a regional office in it") {
  const Dataset &d = data();
  for (std::size_t i = 0; i < d.regions.size(); ++i) {
    const Region &r = d.regions[i];
    CAPTURE(r.code);
    const Entry *office = entry_by_id(d, r.office);
    REQUIRE(office != nullptr);
    CHECK(office->kind == Kind::office);
    CHECK(type_code(*office) == "ro");
    CHECK(to_size(office->region) == i);
  }
}

TEST_CASE("builtin dataset: codes by kind; Kosovo is user-assigned") {
  for (const Entry &e : data().entries) {
    CAPTURE(e.id);
    if (e.kind == Kind::office) {
      CHECK(e.code_status == CodeStatus::none);
      CHECK(e.iso2.empty());
      CHECK(e.iso3.empty());
      CHECK(e.numeric.empty());
      continue;
    }
    CHECK(e.iso2.size() == 2);
    CHECK(e.iso3.size() == 3);
    if (e.id == "kosovo")
      continue;
    CHECK(e.code_status == CodeStatus::iso);
    CHECK(e.numeric.size() == 3);
  }
  const Entry *kosovo = entry_by_id(data(), "kosovo");
  REQUIRE(kosovo != nullptr);
  CHECK(kosovo->kind == Kind::territory);
  CHECK(kosovo->code_status == CodeStatus::user_assigned);
  CHECK(kosovo->iso2 == "XK");
  CHECK(kosovo->iso3 == "XKX");
  CHECK(kosovo->numeric.empty());
}

TEST_CASE("builtin dataset: ids, names and codes are unique") {
  std::set<std::string_view> ids, names, iso2s, iso3s, numerics;
  for (const Entry &e : data().entries) {
    CAPTURE(e.id);
    CHECK(ids.insert(e.id).second);
    CHECK(names.insert(e.name).second);
    if (!e.iso2.empty())
      CHECK(iso2s.insert(e.iso2).second);
    if (!e.iso3.empty())
      CHECK(iso3s.insert(e.iso3).second);
    if (!e.numeric.empty())
      CHECK(numerics.insert(e.numeric).second);
  }
}

TEST_CASE("builtin dataset: every office has a host that resolves") {
  const Dataset &d = data();
  for (const Entry &e : d.entries) {
    CAPTURE(e.id);
    if (e.kind != Kind::office) {
      CHECK(e.host.empty());
      continue;
    }
    REQUIRE_FALSE(e.host.empty());
    int found = 0;
    for (const Entry &c : d.entries)
      if (c.kind != Kind::office && c.iso2 == e.host)
        ++found;
    for (const Host &h : d.hosts)
      if (h.iso2 == e.host)
        ++found;
    CHECK(found == 1);
  }
  // The hosts table holds only the United States, which hosts two offices.
  REQUIRE(d.hosts.size() == 1);
  CHECK(d.hosts[0].iso2 == "US");
  CHECK(d.hosts[0].iso3 == "USA");
  CHECK(d.hosts[0].numeric == "840");
  int us_offices = 0;
  for (const Entry &e : d.entries)
    if (e.host == "US")
      ++us_offices;
  CHECK(us_offices == 2);
}

TEST_CASE("builtin dataset: the headline claims") {
  const Meta &m = data().meta;
  CHECK(m.claim_countries == "172");
  CHECK(m.claim_field_offices == "over 550");
  CHECK(m.claim_regions == "6");
  CHECK_FALSE(m.data_version.empty());
  CHECK(data().origin == "built-in");
}

TEST_CASE("builtin dataset: keys are sorted by key, then entry") {
  const Dataset &d = data();
  REQUIRE_FALSE(d.keys.empty());
  for (std::size_t i = 1; i < d.keys.size(); ++i) {
    const Key &a = d.keys[i - 1];
    const Key &b = d.keys[i];
    CAPTURE(a.key);
    CAPTURE(b.key);
    CHECK((a.key < b.key ||
           (a.key == b.key &&
            (a.place < b.place ||
             (a.place == b.place &&
              query::key_strength(a.kind) < query::key_strength(b.kind) &&
              query::key_class(a.kind) != query::key_class(b.kind))))));
  }
  for (const Key &k : d.keys)
    CHECK(k.place < place_count(d));
}

// Issue 13 point 2: the directory sits on the world.
TEST_CASE("builtin dataset: each country and territory has its world row, "
          "with the same codes") {
  const Dataset &d = data();
  std::size_t linked = 0;
  for (const Entry &e : d.entries) {
    CAPTURE(e.id);
    if (e.kind == Kind::office) {
      CHECK(e.world == k_no_world);
      continue;
    }
    REQUIRE(e.world != k_no_world);
    const WorldRow &row = d.world[to_size(e.world)];
    CHECK(row.iso2 == e.iso2);
    CHECK(row.iso3 == e.iso3);
    CHECK(row.numeric == e.numeric);
    CHECK(row.code_status == e.code_status);
    ++linked;
  }
  CHECK(linked == 176);
  // No two entries share a world row, so each world row is one place.
  std::vector<PlaceIndex> places = query::world_places(d);
  std::sort(places.begin(), places.end());
  CHECK(std::adjacent_find(places.begin(), places.end()) == places.end());
}

// Build-time generation and run-time loading of the same file agree.

TEST_CASE("builtin dataset: equals data/iom.toml loaded at run time") {
  const Dataset &b = data();
  Dataset loaded = dataset::load_file(source_path("data/iom.toml"), b.world);
  loaded.world_aliases = b.world_aliases;
  loaded.shared_names = b.shared_names;
  loaded.confusables = b.confusables;
  query::attach_keys(loaded);

  REQUIRE(loaded.entries.size() == b.entries.size());
  for (std::size_t i = 0; i < b.entries.size(); ++i) {
    const Entry &x = b.entries[i];
    const Entry &y = loaded.entries[i];
    CAPTURE(x.id);
    CHECK(x.id == y.id);
    CHECK(x.name == y.name);
    CHECK(x.short_name == y.short_name);
    CHECK(x.kind == y.kind);
    CHECK(x.iso2 == y.iso2);
    CHECK(x.iso3 == y.iso3);
    CHECK(x.numeric == y.numeric);
    CHECK(x.code_status == y.code_status);
    CHECK(x.region == y.region);
    CHECK(x.region_basis == y.region_basis);
    CHECK(x.region_source == y.region_source);
    CHECK(x.type == y.type);
    CHECK(x.type_basis == y.type_basis);
    CHECK(x.type_source == y.type_source);
    CHECK(x.city == y.city);
    CHECK(x.host == y.host);
    CHECK(x.note == y.note);
    CAPTURE(joined(x.aliases));
    CAPTURE(joined(y.aliases));
    CHECK(same_strings(x.languages, y.languages));
    CHECK(same_strings(x.aliases, y.aliases));
    CHECK(same_strings(x.sources, y.sources));
  }

  REQUIRE(loaded.regions.size() == b.regions.size());
  for (std::size_t i = 0; i < b.regions.size(); ++i) {
    CAPTURE(b.regions[i].code);
    CHECK(b.regions[i].code == loaded.regions[i].code);
    CHECK(b.regions[i].name == loaded.regions[i].name);
    CHECK(b.regions[i].office == loaded.regions[i].office);
    CHECK(b.regions[i].city == loaded.regions[i].city);
    CHECK(b.regions[i].basis == loaded.regions[i].basis);
    CHECK(b.regions[i].note == loaded.regions[i].note);
  }

  REQUIRE(loaded.types.size() == b.types.size());
  for (std::size_t i = 0; i < b.types.size(); ++i) {
    CAPTURE(b.types[i].code);
    CHECK(b.types[i].code == loaded.types[i].code);
    CHECK(b.types[i].name == loaded.types[i].name);
    CHECK(b.types[i].description == loaded.types[i].description);
  }

  REQUIRE(loaded.hosts.size() == b.hosts.size());
  for (std::size_t i = 0; i < b.hosts.size(); ++i) {
    CHECK(b.hosts[i].iso2 == loaded.hosts[i].iso2);
    CHECK(b.hosts[i].iso3 == loaded.hosts[i].iso3);
    CHECK(b.hosts[i].numeric == loaded.hosts[i].numeric);
    CHECK(b.hosts[i].name == loaded.hosts[i].name);
    CHECK(same_strings(b.hosts[i].aliases, loaded.hosts[i].aliases));
  }

  CHECK(b.meta.data_version == loaded.meta.data_version);
  CHECK(b.meta.captured == loaded.meta.captured);
  CHECK(b.meta.source == loaded.meta.source);
  CHECK(b.meta.source_note == loaded.meta.source_note);
  CHECK(b.meta.claim_countries == loaded.meta.claim_countries);
  CHECK(b.meta.claim_field_offices == loaded.meta.claim_field_offices);
  CHECK(b.meta.claim_regions == loaded.meta.claim_regions);

  REQUIRE(loaded.keys.size() == b.keys.size());
  for (std::size_t i = 0; i < b.keys.size(); ++i) {
    CAPTURE(i);
    CAPTURE(b.keys[i].key);
    CHECK(b.keys[i].key == loaded.keys[i].key);
    CHECK(b.keys[i].place == loaded.keys[i].place);
    CHECK(b.keys[i].kind == loaded.keys[i].kind);
  }
}

// Every member that the schema names, read from its table: a field added to
// the model and the schema is compared here with no new line.
template <typename Struct>
void check_schema_members(std::span<const Struct> built,
                          std::span<const Struct> loaded) {
  REQUIRE(built.size() == loaded.size());
  for (std::size_t i = 0; i < built.size(); ++i)
    for (const auto &field : dataset::Schema<Struct>::fields) {
      CAPTURE(i);
      CAPTURE(field.name);
      std::visit(
          [&](auto member) {
            const auto &x = built[i].*member;
            const auto &y = loaded[i].*member;
            if constexpr (std::is_same_v<std::decay_t<decltype(x)>, Strings>)
              CHECK(same_strings(x, y));
            else
              CHECK(x == y);
          },
          field.member);
    }
}

TEST_CASE("builtin dataset: every schema field equals the loaded one") {
  const Dataset &b = data();
  Dataset loaded = dataset::load_file(source_path("data/iom.toml"), b.world);
  check_schema_members(b.entries, loaded.entries);
  check_schema_members(b.regions, loaded.regions);
  check_schema_members(b.types, loaded.types);
  check_schema_members(b.hosts, loaded.hosts);
  check_schema_members(std::span<const Meta>(&b.meta, 1),
                       std::span<const Meta>(&loaded.meta, 1));
}
