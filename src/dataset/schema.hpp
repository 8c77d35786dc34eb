#pragma once

// The schema of a dataset file (data/iom.toml): one table per section that
// ties each TOML key to the model member it fills. The loader reads a file
// through it and the generator (src/gen/) writes the built-in tables through
// it, so a field is named here once. Adding a field to an entry is a member
// in model.hpp and a line in Schema<Entry>::fields.
//
// A field's TOML type follows from its member: Strings is an array of
// strings, bool a boolean, everything else a string. An enum member is spelt as
// in dataset/names.hpp; a RegionIndex or TypeIndex member is the code of a
// [[regions]] or [[types]] table.

#include "model.hpp"

#include <algorithm>
#include <cstddef>
#include <string_view>
#include <variant>

namespace iom::dataset {

enum FieldFlags : unsigned {
  k_optional = 0,
  k_required = 1u << 0,
  // Matched and aligned on screen, so control characters are refused.
  k_no_controls = 1u << 1,
  // A name that queries are matched against (or, in a list, each name): at
  // most k_max_query_bytes, or it could never be asked for.
  k_name = 1u << 2,
};

template <typename Struct> struct Field {
  using Member =
      std::variant<std::string_view Struct::*, Strings Struct::*,
                   Kind Struct::*, Basis Struct::*, CodeStatus Struct::*,
                   RegionIndex Struct::*, TypeIndex Struct::*, bool Struct::*>;

  // The TOML key, and the member's name: the generator writes ".name = ".
  std::string_view name;
  Member member;
  bool required;
  bool no_controls;
  bool name_like;

  template <typename T>
  constexpr Field(std::string_view key, T Struct::*to, unsigned flags)
      : name(key), member(to), required(flags & k_required),
        no_controls(flags & k_no_controls), name_like(flags & k_name) {}

  constexpr bool is_list() const {
    return std::holds_alternative<Strings Struct::*>(member);
  }
  constexpr bool is_bool() const {
    return std::holds_alternative<bool Struct::*>(member);
  }
};

template <typename Struct> struct Schema;

template <> struct Schema<Meta> {
  static constexpr std::string_view section = "meta";
  static constexpr bool is_array = false; // [meta], not [[meta]]
  static constexpr std::size_t max_count = 1;
  static constexpr Field<Meta> fields[] = {
      {"data_version", &Meta::data_version, k_required | k_no_controls},
      {"captured", &Meta::captured, k_required | k_no_controls},
      // Absent: the file states its capture date as known (sourced).
      {"captured_basis", &Meta::captured_basis, k_optional | k_no_controls},
      {"source", &Meta::source, k_required},
      {"source_note", &Meta::source_note, k_required},
      {"claim_countries", &Meta::claim_countries, k_required | k_no_controls},
      {"claim_field_offices", &Meta::claim_field_offices,
       k_required | k_no_controls},
      {"claim_regions", &Meta::claim_regions, k_required | k_no_controls},
  };
};

template <> struct Schema<Region> {
  static constexpr std::string_view section = "regions";
  static constexpr bool is_array = true;
  static constexpr std::size_t max_count = k_max_regions;
  static constexpr Field<Region> fields[] = {
      {"code", &Region::code, k_required | k_no_controls | k_name},
      {"name", &Region::name, k_required | k_no_controls | k_name},
      {"office", &Region::office, k_required | k_no_controls},
      {"city", &Region::city, k_required | k_no_controls | k_name},
      {"basis", &Region::basis, k_required | k_no_controls},
      {"note", &Region::note, k_optional},
  };
};

template <> struct Schema<OfficeType> {
  static constexpr std::string_view section = "types";
  static constexpr bool is_array = true;
  static constexpr std::size_t max_count = k_max_types;
  static constexpr Field<OfficeType> fields[] = {
      {"code", &OfficeType::code, k_required | k_no_controls | k_name},
      {"name", &OfficeType::name, k_required | k_no_controls | k_name},
      {"description", &OfficeType::description, k_required},
      {"name_fr", &OfficeType::name_fr, k_optional | k_no_controls | k_name},
      {"name_fr_source", &OfficeType::name_fr_source, k_optional},
      {"name_es", &OfficeType::name_es, k_optional | k_no_controls | k_name},
      {"name_es_source", &OfficeType::name_es_source, k_optional},
  };
};

template <> struct Schema<Host> {
  static constexpr std::string_view section = "hosts";
  static constexpr bool is_array = true;
  // Nothing refers to a host by position.
  static constexpr std::size_t max_count = static_cast<std::size_t>(-1);
  static constexpr Field<Host> fields[] = {
      {"iso2", &Host::iso2, k_required | k_no_controls},
      {"iso3", &Host::iso3, k_required | k_no_controls},
      {"numeric", &Host::numeric, k_required | k_no_controls},
      {"name", &Host::name, k_required | k_no_controls | k_name},
      {"aliases", &Host::aliases, k_required | k_no_controls | k_name},
  };
};

template <> struct Schema<Entry> {
  static constexpr std::string_view section = "entries";
  static constexpr bool is_array = true;
  static constexpr std::size_t max_count = k_max_entries;
  static constexpr Field<Entry> fields[] = {
      {"id", &Entry::id, k_required | k_no_controls | k_name},
      {"name", &Entry::name, k_required | k_no_controls | k_name},
      {"short_name", &Entry::short_name, k_required | k_no_controls | k_name},
      {"kind", &Entry::kind, k_required | k_no_controls},
      {"iso2", &Entry::iso2, k_optional | k_no_controls},
      {"iso3", &Entry::iso3, k_optional | k_no_controls},
      {"numeric", &Entry::numeric, k_optional | k_no_controls},
      {"code_status", &Entry::code_status, k_required | k_no_controls},
      {"region", &Entry::region, k_optional | k_no_controls},
      {"region_basis", &Entry::region_basis, k_required | k_no_controls},
      {"region_source", &Entry::region_source, k_required},
      {"type", &Entry::type, k_required | k_no_controls},
      {"type_basis", &Entry::type_basis, k_required | k_no_controls},
      {"type_source", &Entry::type_source, k_required},
      {"city", &Entry::city, k_optional | k_no_controls | k_name},
      {"city_source", &Entry::city_source, k_optional},
      {"host", &Entry::host, k_optional | k_no_controls},
      {"languages", &Entry::languages, k_required | k_no_controls},
      {"aliases", &Entry::aliases, k_required | k_no_controls | k_name},
      {"sources", &Entry::sources, k_required},
      {"note", &Entry::note, k_optional},
      {"review", &Entry::review, k_optional},
  };
};

// A dataset file may bring its own [[world]] tables; without them it uses
// the built-in world.
template <> struct Schema<WorldRow> {
  static constexpr std::string_view section = "world";
  static constexpr bool is_array = true;
  // Nothing refers to a world row by position.
  static constexpr std::size_t max_count = static_cast<std::size_t>(-1);
  static constexpr Field<WorldRow> fields[] = {
      {"iso2", &WorldRow::iso2, k_required | k_no_controls},
      {"iso3", &WorldRow::iso3, k_required | k_no_controls},
      {"numeric", &WorldRow::numeric, k_optional | k_no_controls},
      {"code_status", &WorldRow::code_status, k_required | k_no_controls},
      {"name", &WorldRow::name, k_required | k_no_controls | k_name},
      {"name_source", &WorldRow::name_source, k_required | k_no_controls},
      {"formal_name", &WorldRow::formal_name,
       k_optional | k_no_controls | k_name},
      {"name_fr", &WorldRow::name_fr, k_optional | k_no_controls | k_name},
      {"name_fr_source", &WorldRow::name_fr_source, k_optional | k_no_controls},
      {"name_es", &WorldRow::name_es, k_optional | k_no_controls | k_name},
      {"name_es_source", &WorldRow::name_es_source, k_optional | k_no_controls},
      {"m49_region", &WorldRow::m49_region, k_optional | k_no_controls},
      {"m49_region_name", &WorldRow::m49_region_name,
       k_optional | k_no_controls},
      {"m49_subregion", &WorldRow::m49_subregion, k_optional | k_no_controls},
      {"m49_subregion_name", &WorldRow::m49_subregion_name,
       k_optional | k_no_controls},
      {"m49_intermediate", &WorldRow::m49_intermediate,
       k_optional | k_no_controls},
      {"m49_intermediate_name", &WorldRow::m49_intermediate_name,
       k_optional | k_no_controls},
      {"independent", &WorldRow::independent, k_required},
  };
};

// The [meta] of a world file (data/world.toml), read by load_world_text
// under the same section name as a dataset's [meta]: the two files are
// read by different entry points, so each [meta] has its own shape.
template <> struct Schema<WorldMeta> {
  static constexpr std::string_view section = "meta";
  static constexpr bool is_array = false;
  static constexpr std::size_t max_count = 1;
  static constexpr Field<WorldMeta> fields[] = {
      {"source", &WorldMeta::source, k_required | k_no_controls},
      {"source_path", &WorldMeta::source_path, k_required | k_no_controls},
      {"source_commit", &WorldMeta::source_commit, k_required | k_no_controls},
      {"source_date", &WorldMeta::source_date, k_required | k_no_controls},
      {"source_sha256", &WorldMeta::source_sha256, k_required | k_no_controls},
      {"licence", &WorldMeta::licence, k_required | k_no_controls},
  };
};

// The names of world rows beside their own (data/world_aliases.toml and
// data/isocodes_names.toml): each refers to a world row by iso3.
template <> struct Schema<WorldAlias> {
  static constexpr std::string_view section = "alias";
  static constexpr bool is_array = true;
  static constexpr std::size_t max_count = static_cast<std::size_t>(-1);
  static constexpr Field<WorldAlias> fields[] = {
      {"iso3", &WorldAlias::iso3, k_required | k_no_controls},
      {"name", &WorldAlias::name, k_required | k_no_controls | k_name},
      {"lang", &WorldAlias::lang, k_required | k_no_controls},
      {"kind", &WorldAlias::kind, k_optional | k_no_controls},
      {"source", &WorldAlias::source, k_optional},
      {"field", &WorldAlias::field, k_optional | k_no_controls},
      {"msgid", &WorldAlias::msgid, k_optional},
      {"note", &WorldAlias::note, k_optional},
  };
};

// The [meta] of data/isocodes_names.toml: which iso-codes it was made from.
// Read for validation only; the file's rows name their iso-codes field.
struct NamesMeta {
  std::string_view isocodes_version;
  std::string_view json_sha256;
  std::string_view mo_fr_sha256;
  std::string_view mo_es_sha256;
};

template <> struct Schema<NamesMeta> {
  static constexpr std::string_view section = "meta";
  static constexpr bool is_array = false;
  static constexpr std::size_t max_count = 1;
  static constexpr Field<NamesMeta> fields[] = {
      {"isocodes_version", &NamesMeta::isocodes_version,
       k_required | k_no_controls},
      {"json_sha256", &NamesMeta::json_sha256, k_required | k_no_controls},
      {"mo_fr_sha256", &NamesMeta::mo_fr_sha256, k_required | k_no_controls},
      {"mo_es_sha256", &NamesMeta::mo_es_sha256, k_required | k_no_controls},
  };
};

template <> struct Schema<SharedName> {
  static constexpr std::string_view section = "ambiguous";
  static constexpr bool is_array = true;
  static constexpr std::size_t max_count = static_cast<std::size_t>(-1);
  static constexpr Field<SharedName> fields[] = {
      {"name", &SharedName::name, k_required | k_no_controls},
      {"lang", &SharedName::lang, k_required | k_no_controls},
      {"iso3s", &SharedName::iso3s, k_required | k_no_controls},
      {"reason", &SharedName::reason, k_required},
  };
};

template <> struct Schema<Confusable> {
  static constexpr std::string_view section = "confusable";
  static constexpr bool is_array = true;
  static constexpr std::size_t max_count = static_cast<std::size_t>(-1);
  static constexpr Field<Confusable> fields[] = {
      {"name", &Confusable::name, k_required | k_no_controls},
      {"iso3", &Confusable::iso3, k_required | k_no_controls},
      {"other", &Confusable::other, k_required | k_no_controls},
      {"reason", &Confusable::reason, k_required},
  };
};

// The sections in the order they are read: each refers only to earlier ones.
inline constexpr std::string_view k_sections[] = {
    Schema<Meta>::section, Schema<Region>::section, Schema<OfficeType>::section,
    Schema<Host>::section, Schema<Entry>::section,  Schema<WorldRow>::section,
};

// The most fields a section has; the loader keeps one slot and one bit per
// field of a table.
inline constexpr std::size_t k_max_fields = std::max({
    std::size(Schema<Meta>::fields),
    std::size(Schema<Region>::fields),
    std::size(Schema<OfficeType>::fields),
    std::size(Schema<Host>::fields),
    std::size(Schema<Entry>::fields),
    std::size(Schema<WorldRow>::fields),
    std::size(Schema<WorldMeta>::fields),
    std::size(Schema<WorldAlias>::fields),
    std::size(Schema<SharedName>::fields),
    std::size(Schema<Confusable>::fields),
});
static_assert(k_max_fields <= 32);

template <typename T> struct MemberOf;
template <typename T, typename Struct> struct MemberOf<T Struct::*> {
  using type = Struct;
};

// The slot of a member in its section's field table; a member that the
// schema does not name fails to compile.
template <auto member> consteval std::size_t slot_of() {
  using Struct = typename MemberOf<decltype(member)>::type;
  const auto &fields = Schema<Struct>::fields;
  for (std::size_t i = 0; i < std::size(fields); ++i)
    if (const auto *to = std::get_if<decltype(member)>(&fields[i].member);
        to && *to == member)
      return i;
  throw "the member is not in the schema";
}

} // namespace iom::dataset
