#pragma once

// The plain data model shared by every stage. No I/O here.
//
// All strings are views: into string literals for the built-in tables
// (generated at build time, constant-initialised, so start-up costs nothing)
// or into the storage a runtime-loaded dataset owns.

#include <cstddef>
#include <cstdint>
#include <limits>
#include <memory>
#include <span>
#include <string>
#include <string_view>

namespace iom {

using Strings = std::span<const std::string_view>;

enum class Kind : std::uint8_t { country, territory, office };

// How an assignment is known; see ../shared/facts/README.md.
enum class Basis : std::uint8_t { sourced, assumed, inferred };

// IOM's three official languages: the language of the names a command
// prints (--lang).
enum class Lang : std::uint8_t { en, fr, es };
inline constexpr std::size_t k_lang_count = 3;

// Whether iso2/iso3/numeric are real ISO 3166-1 codes.
enum class CodeStatus : std::uint8_t { iso, user_assigned, none };

// The longest query iom looks up (longer ones are refused: no country name
// comes close, and a bound keeps a hostile query from slowing everything
// down), and so the longest name a dataset may hold: a longer one could
// never be asked for.
inline constexpr std::size_t k_max_query_bytes = 256;

// Position of an entry in Dataset::entries. 32 bits: a --data file may hold
// far more entries than the built-in 189 (the 256 MiB file limit caps it).
using EntryIndex = std::uint32_t;
inline constexpr std::size_t k_max_entries =
    std::size_t{std::numeric_limits<EntryIndex>::max()} + 1;

// Position of a region in Dataset::regions, or none (an office outside every
// region). Eight bits hold forty times IOM's six regions; the loader refuses
// a dataset with more regions than the type can address.
enum class RegionIndex : std::uint8_t { none = 0xff };
inline constexpr RegionIndex k_no_region = RegionIndex::none;
inline constexpr std::size_t k_max_regions = 0xff; // none is not a position

// Position of an office type in Dataset::types; every entry has one.
enum class TypeIndex : std::uint8_t {};
inline constexpr std::size_t k_max_types = 0x100;

// Position of a row in Dataset::world, or none (an office, which is no
// country). Sixteen bits hold the world's 250 rows many times over.
enum class WorldIndex : std::uint16_t { none = 0xffff };
inline constexpr WorldIndex k_no_world = WorldIndex::none;
inline constexpr std::size_t k_max_world = 0xffff; // none is not a position

constexpr std::size_t to_size(WorldIndex index) {
  return static_cast<std::size_t>(index);
}
constexpr std::size_t to_size(RegionIndex index) {
  return static_cast<std::size_t>(index);
}
constexpr std::size_t to_size(TypeIndex index) {
  return static_cast<std::size_t>(index);
}

struct Entry {
  std::string_view id;
  std::string_view name;       // directory name, properly cased
  std::string_view short_name; // common English name
  Kind kind;
  std::string_view iso2; // empty when none
  std::string_view iso3;
  std::string_view numeric; // three digits as in ISO, empty when none
  CodeStatus code_status;
  RegionIndex region; // or k_no_region
  Basis region_basis;
  std::string_view region_source;
  TypeIndex type;
  Basis type_basis;
  std::string_view type_source;
  std::string_view city;        // of the office, where a source gives it
  std::string_view city_source; // that source; every city has one
  std::string_view host; // ISO alpha-2 of the host country (offices only)
  Strings languages;
  Strings aliases;
  Strings sources; // URLs
  std::string_view note;
  // What is still to be checked by hand, for an entry `iom import` added
  // from a new capture of the page; empty when the entry is reviewed.
  std::string_view review;
  // The entry's row of Dataset::world, found by its codes when the dataset
  // is loaded (the loader checks that the codes agree); none for an office.
  WorldIndex world = k_no_world;
};

struct Region {
  std::string_view code;   // ap, eca, ehsa, lac, mena, wca
  std::string_view name;   // the seed's label, properly cased
  std::string_view office; // id of the regional office entry
  std::string_view city;
  Basis basis; // how the regional office and its city are known
  std::string_view note;
};

struct OfficeType {
  std::string_view code;
  std::string_view name;
  std::string_view description;
  // IOM's own French and Spanish names, where a page of IOM's gives them
  // (../shared/facts/world/README.md), with that page; empty when none was
  // found, and then the English name stands.
  std::string_view name_fr;
  std::string_view name_fr_source;
  std::string_view name_es;
  std::string_view name_es_source;
};

// A country that hosts offices but has no directory entry of its own
// (the United States). Used for --host and for the "hosts these offices" hint.
struct Host {
  std::string_view iso2;
  std::string_view iso3;
  std::string_view numeric;
  std::string_view name;
  Strings aliases;
};

// One country or territory of the world table (data/world.toml, made from
// OCHA's taxonomy): every ISO 3166-1 entry and Kosovo. Optional fields are
// empty when the source has nothing to say.
struct WorldRow {
  std::string_view iso2;
  std::string_view iso3;
  std::string_view numeric; // three digits; empty for Kosovo
  CodeStatus code_status;
  std::string_view name;        // English short name
  std::string_view name_source; // the CSV column it came from
  std::string_view formal_name;
  std::string_view name_fr;
  std::string_view name_fr_source;
  std::string_view name_es;
  std::string_view name_es_source;
  std::string_view m49_region; // three digits, as M49 writes them
  std::string_view m49_region_name;
  std::string_view m49_subregion;
  std::string_view m49_subregion_name;
  std::string_view m49_intermediate;
  std::string_view m49_intermediate_name;
  bool independent;
};

// A name of a world row beside its own names: a common short form, former
// name, exonym or statistical form (data/world_aliases.toml, kept by hand),
// or a Debian iso-codes name or translation (data/isocodes_names.toml).
struct WorldAlias {
  std::string_view iso3; // the world row's
  std::string_view name;
  std::string_view lang;   // en, fr or es
  std::string_view kind;   // short, former, exonym, statistical; or empty
  std::string_view source; // a citation; empty for iso-codes rows
  std::string_view field;  // the iso-codes field translated, or empty
  std::string_view msgid;  // the English iso-codes text it translates
  std::string_view note;
};

// A name that several countries share ("Korea"): never one of them.
struct SharedName {
  std::string_view name;
  std::string_view lang;
  Strings iso3s; // two or more world rows
  std::string_view reason;
};

// A name that is one country's but is easily taken for another's: the
// answer comes with a note that the other is a different country
// ("Congo" is CG; the Democratic Republic of the Congo is CD).
struct Confusable {
  std::string_view name;
  std::string_view iso3;  // the country the name belongs to
  std::string_view other; // the country it is taken for
  std::string_view reason;
};

// Where a world file's rows come from (its own [meta]).
struct WorldMeta {
  std::string_view source; // URL
  std::string_view source_path;
  std::string_view source_commit;
  std::string_view source_date;
  std::string_view source_sha256;
  std::string_view licence;
};

struct Meta {
  std::string_view data_version;
  std::string_view captured; // capture date of the source page
  // How the capture date is known: inferred when the page states no capture
  // time (the bundled date is the page's latest news date).
  Basis captured_basis;
  std::string_view source; // URL
  std::string_view source_note;
  std::string_view claim_countries;
  std::string_view claim_field_offices;
  std::string_view claim_regions;
};

// What a lookup key was derived from.
enum class KeyKind : std::uint8_t {
  name,
  short_name,
  alias,
  iso2,
  iso3,
  numeric,
  id,
};

// What a lookup key names: a directory entry (its EntryIndex), or a world
// row that has no entry (entries.size() + its WorldIndex). A world row that
// has an entry is named by the entry, so one country is one place.
using PlaceIndex = std::uint32_t;

// One normalised lookup key. Dataset::keys is sorted by (key, place), so the
// keys of one text are adjacent; Dataset::key_slots finds the first of them.
struct Key {
  std::string_view key;
  PlaceIndex place;
  KeyKind kind;
};

// The candidate index of approximate matching over the words of the
// non-code keys (query/word_index.hpp builds and reads it): generated at
// build time for the built-in data, built with the keys for a --data file.
struct WordPosting {
  std::uint32_t key;         // position in Dataset::keys
  std::uint16_t position;    // of the word among the key's words
  std::uint16_t token_count; // the key's words
};
struct WordVariant {
  std::uint32_t fingerprint; // of a deletion variant of the word
  std::uint32_t word;
};
struct WordIndex {
  std::span<const std::string_view> words;      // distinct, sorted
  std::span<const std::uint32_t> ordinals;      // by word: tie-break order
  std::span<const std::uint32_t> posting_start; // by word, and one past
  std::span<const WordPosting> postings;        // by word, then key
  std::span<const std::uint32_t> bucket_start;  // by bucket, and one past
  std::span<const WordVariant> variants;        // by bucket
};

struct Dataset {
  std::span<const Entry> entries;
  std::span<const Region> regions;
  std::span<const OfficeType> types;
  std::span<const Host> hosts;
  // The whole world; a --data file without [[world]] tables uses the
  // built-in one.
  std::span<const WorldRow> world;
  std::span<const WorldAlias> world_aliases; // the built-in world's only
  std::span<const SharedName> shared_names;
  std::span<const Confusable> confusables;
  Meta meta;
  std::span<const Key> keys;
  // The exact lookup's hash table over the distinct texts of `keys`
  // (query/keys.hpp builds it, with the keys): a power-of-two number of
  // slots, each 0 (empty) or 1 + the position of the first key with a text,
  // probed linearly from query::key_hash(text). Empty: binary search.
  std::span<const std::uint32_t> key_slots;
  WordIndex word_index;
  // By language (Lang's order), then by place: the dense rank of each
  // place's name in that language (query::dense_ranks), generated for the
  // built-in data so that a sort by name compares numbers. Empty for a
  // --data file: its sorts compare the names.
  std::span<const std::uint16_t> name_ranks;
  std::string_view origin;                 // "built-in" or the file path
  std::shared_ptr<const void> storage;     // owns a loaded dataset's strings
  std::shared_ptr<const void> key_storage; // owns a loaded dataset's keys
};

// One difference between two datasets (iom diff), or between a dataset and
// a new capture of the directory page (iom import). Values are as a dataset
// file spells them: a region or type by its code, a list joined by ", ".
enum class ChangeKind : std::uint8_t { added, removed, renamed, changed };

struct Change {
  std::string section; // entries, regions, types, hosts, meta; or labels
  std::string key;     // the item's id or code in the newer data
  ChangeKind kind;
  std::string field; // empty for an item added or removed as a whole
  std::string old_value;
  std::string new_value;
};

// The region of an entry, or nullptr when it has none.
inline const Region *region_of(const Dataset &data, const Entry &entry) {
  return entry.region == k_no_region ? nullptr
                                     : &data.regions[to_size(entry.region)];
}

// A place: an entry and its world row, or a world row alone. Either may be
// null, never both.
struct Place {
  const Entry *entry;
  const WorldRow *world;
};

inline std::size_t place_count(const Dataset &data) {
  return data.entries.size() + data.world.size();
}

inline Place place_at(const Dataset &data, PlaceIndex place) {
  if (place < data.entries.size()) {
    const Entry &entry = data.entries[place];
    return {&entry, entry.world == k_no_world
                        ? nullptr
                        : &data.world[to_size(entry.world)]};
  }
  return {nullptr, &data.world[place - data.entries.size()]};
}

// The place of a world row that has no entry.
inline PlaceIndex world_place(const Dataset &data, std::size_t row) {
  return static_cast<PlaceIndex>(data.entries.size() + row);
}

inline const OfficeType &type_of(const Dataset &data, const Entry &entry) {
  return data.types[to_size(entry.type)];
}

} // namespace iom
