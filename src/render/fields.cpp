#include "render/fields.hpp"

#include "model_names.hpp"

#include <array>
#include <utility>

namespace iom::render {
namespace {

// Text that outlives the Rows (the dataset's, or static) is lent to the
// cell; only what a row holds itself (SearchRow::match, ClaimRow::dataset)
// is copied, because a list's rows may go before its cells are written.
void lend(Cell &cell, std::string_view text) { cell.lent = text; }
void set(Cell &cell, std::string_view text) { cell.text.assign(text); }

void set_count(Cell &cell, std::size_t count) {
  cell.text = std::to_string(count);
}

void set_list(Cell &cell, Strings items) {
  cell.items.assign(items.begin(), items.end());
  // Most lists have one item, which is the text as it is.
  if (items.size() == 1) {
    lend(cell, items[0]);
    return;
  }
  cell.text.clear();
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0)
      cell.text += "; ";
    cell.text += items[i];
  }
}

// Provenance that is not sourced is shown dimmed: a reader must always be able
// to tell a sourced fact from an assumption.
void dim_unless_sourced(Cell &cell, Basis basis) {
  cell.emphasis = basis == Basis::sourced ? Emphasis::none : Emphasis::dim;
}

std::string_view host_name(const Dataset &data, std::string_view iso2) {
  if (iso2.empty())
    return {};
  for (const auto &host : data.hosts)
    if (host.iso2 == iso2)
      return host.name;
  for (const auto &entry : data.entries)
    if (entry.iso2 == iso2 && entry.kind != Kind::office)
      return entry.short_name;
  return iso2;
}

using E = EntryRow;
using T = SortKind;

constexpr std::string_view k_untranslated[] = {
    "", "no French name found: the English name is kept",
    "no Spanish name found: the English name is kept"};

// "Allemagne (l')" -> "Allemagne": a short name without UNTERM's trailing
// article (the same rule the matcher folds by), never another word.
std::string_view without_article(std::string_view name) {
  static constexpr std::string_view k_articles[] = {
      " (le)", " (la)",  " (les)", " (l')", " (l\u2019)",
      " (el)", " (los)", " (las)", " (the)"};
  if (!name.ends_with(')')) // most names: none of the articles
    return name;
  for (const std::string_view article : k_articles)
    if (name.ends_with(article))
      return name.substr(0, name.size() - article.size());
  return name;
}

std::string_view short_name(const E &r) {
  if (r.lang == Lang::en)
    return r.entry ? r.entry->short_name : r.world->name;
  const Named named = place_name(r, r.lang);
  // Untranslated: the English short name stands.
  if (!named.translated)
    return r.entry ? r.entry->short_name : r.world->name;
  return without_article(named.text);
}

void set_named(Cell &cell, Named named) { lend(cell, named.text); }

// An entry's field: empty for a world row outside the directory.
#define IOM_ENTRY(expr)                                                        \
  [](const E &r, auto, Cell &c) {                                              \
    if (r.entry)                                                               \
      lend(c,                                                                  \
           [](const Entry &e) -> std::string_view { return expr; }(*r.entry)); \
  }
// A world field: empty for an office, which has no world row.
#define IOM_WORLD(member)                                                      \
  [](const E &r, auto, Cell &c) {                                              \
    if (r.world)                                                               \
      lend(c, r.world->member);                                                \
  }
// A code or name that the entry has, or else its world row.
#define IOM_EITHER(entry_member, world_member)                                 \
  [](const E &r, auto, Cell &c) {                                              \
    lend(c, r.entry ? r.entry->entry_member : r.world->world_member);          \
  }

constexpr EntryField k_entry_fields[] = {
    {"id", "ID", "stable identifier (lowercase, hyphenated)", "#meta+id",
     T::text, false, false, IOM_ENTRY(e.id)},
    {"name", "NAME",
     "directory name, as IOM lists it (outside the directory: the world "
     "table's name); in the --lang language",
     "#country+name", T::text, false, false,
     [](const E &r, auto, Cell &c) { set_named(c, place_name(r, r.lang)); }},
    {"short_name", "SHORT NAME",
     "common short name (without UNTERM's article); in the --lang language",
     "#country+name+short", T::text, false, false,
     [](const E &r, auto, Cell &c) { lend(c, short_name(r)); }},
    {"kind", "KIND", "country, territory or office", "#meta+kind", T::text,
     false, false, IOM_ENTRY(to_string(e.kind))},
    {"iso2", "ISO2", "ISO 3166-1 alpha-2 code (user-assigned for Kosovo)",
     "#country+code+v_iso2", T::text, false, false, IOM_EITHER(iso2, iso2)},
    {"iso3", "ISO3", "ISO 3166-1 alpha-3 code (user-assigned for Kosovo)",
     "#country+code+v_iso3", T::text, false, false, IOM_EITHER(iso3, iso3)},
    // A number to sort by, but a code to print: "004" stays a JSON string.
    {"numeric", "NUMERIC", "ISO 3166-1 numeric code, three digits",
     "#country+code+num+v_m49", T::number, false, false,
     IOM_EITHER(numeric, numeric)},
    {"code_status", "CODES", "iso, user-assigned or none",
     "#country+code+status", T::text, false, false,
     [](const E &r, auto, Cell &c) {
       const CodeStatus status =
           r.entry ? r.entry->code_status : r.world->code_status;
       lend(c, to_string(status));
       if (status == CodeStatus::user_assigned)
         c.emphasis = Emphasis::dim;
     }},
    {"flag", "FLAG", "flag emoji made from the alpha-2 code", "#country+flag",
     T::text, false, false,
     [](const E &r, auto, Cell &c) {
       if (!r.entry)
         c.text = flag_of(r.world->iso2);
       else if (r.entry->kind != Kind::office)
         c.text = flag_of(r.entry->iso2);
     }},
    {"region", "REGION", "region code (see `iom regions`)",
     "#region+code+v_iom", T::text, false, false,
     [](const E &r, auto, Cell &c) {
       if (!r.entry)
         return;
       const Region *region = region_of(r.data, *r.entry);
       lend(c, region ? region->code : std::string_view());
       dim_unless_sourced(c, r.entry->region_basis);
     }},
    {"region_name", "REGION NAME", "region name", "#region+name+v_iom", T::text,
     false, false,
     [](const E &r, auto, Cell &c) {
       if (!r.entry)
         return;
       const Region *region = region_of(r.data, *r.entry);
       lend(c, region ? region->name : std::string_view());
       dim_unless_sourced(c, r.entry->region_basis);
     }},
    {"region_basis", "REGION BASIS",
     "how the region is known: sourced, default or inferred", "#region+basis",
     T::text, false, false,
     [](const E &r, auto, Cell &c) {
       if (!r.entry)
         return;
       lend(c, to_string(r.entry->region_basis));
       dim_unless_sourced(c, r.entry->region_basis);
     }},
    {"region_source", "REGION SOURCE", "the source or reasoning for the region",
     "#region+source", T::text, false, false, IOM_ENTRY(e.region_source)},
    {"type", "TYPE", "office type code (see `iom types`)", "#org+type+code",
     T::text, false, false,
     [](const E &r, auto, Cell &c) {
       if (!r.entry)
         return;
       lend(c, type_of(r.data, *r.entry).code);
       dim_unless_sourced(c, r.entry->type_basis);
     }},
    {"type_name", "TYPE NAME", "office type name", "#org+type+name", T::text,
     false, false,
     [](const E &r, auto, Cell &c) {
       if (!r.entry)
         return;
       set_named(c, type_name(type_of(r.data, *r.entry), r.lang));
       dim_unless_sourced(c, r.entry->type_basis);
     }},
    {"type_name_source", "TYPE NAME SOURCE",
     "where the type name in the --lang language comes from, or that none was "
     "found",
     "#meta+source+type", T::text, false, false,
     [](const E &r, auto, Cell &c) {
       if (r.entry && r.lang != Lang::en)
         lend(c, type_name(type_of(r.data, *r.entry), r.lang).source);
     },
     0, true},
    {"type_basis", "TYPE BASIS",
     "how the office type is known: sourced, default or inferred",
     "#org+type+basis", T::text, false, false,
     [](const E &r, auto, Cell &c) {
       if (!r.entry)
         return;
       lend(c, to_string(r.entry->type_basis));
       dim_unless_sourced(c, r.entry->type_basis);
     }},
    {"type_source", "TYPE SOURCE", "the source or reasoning for the type",
     "#org+type+source", T::text, false, false, IOM_ENTRY(e.type_source)},
    {"city", "CITY", "city of the office, where a source gives it", "#loc+name",
     T::text, false, false, IOM_ENTRY(e.city)},
    {"host", "HOST", "ISO alpha-2 of the host country",
     "#country+code+v_iso2+host", T::text, false, false,
     IOM_ENTRY(e.kind == Kind::office ? e.host : e.iso2)},
    {"host_name", "HOST NAME", "name of the host country", "#country+name+host",
     T::text, false, false,
     [](const E &r, auto, Cell &c) {
       if (r.entry)
         lend(c, r.entry->kind == Kind::office
                     ? host_name(r.data, r.entry->host)
                     : r.entry->short_name);
     }},
    {"languages", "LANGUAGES", "site-language codes of the directory entry",
     "#meta+lang", T::text, true, false,
     [](const E &r, auto, Cell &c) {
       if (r.entry)
         set_list(c, r.entry->languages);
     }},
    {"aliases", "ALIASES", "former names, exonyms and common short forms",
     "#country+name+alt", T::text, true, false,
     [](const E &r, auto, Cell &c) {
       if (r.entry)
         set_list(c, r.entry->aliases);
     }},
    {"sources", "SOURCES", "URLs of the sources of region and type",
     "#meta+source+url", T::text, true, false,
     [](const E &r, auto, Cell &c) {
       if (r.entry)
         set_list(c, r.entry->sources);
     }},
    {"note", "NOTE", "notes on hard cases and conflicts", "#meta+note", T::text,
     false, false, IOM_ENTRY(e.note)},
    // The world table's fields (data/world.toml, from OCHA's taxonomy): what
    // every country and territory has, in the directory or not. Not in the
    // default fields of any command unless --world asks for the world.
    {"in_directory", "IN DIRECTORY", "yes when IOM's directory has the entry",
     "#meta+directory", T::text, false, false,
     [](const E &r, auto, Cell &c) { lend(c, r.entry ? "yes" : "no"); }, 0,
     true},
    {"world_name", "WORLD NAME",
     "English short name in the world table (UNTERM, else M49)",
     "#country+name+world", T::text, false, false, IOM_WORLD(name), 0, true},
    {"world_name_source", "WORLD NAME SOURCE",
     "the OCHA taxonomy column the world name comes from", "#meta+source+name",
     T::text, false, false, IOM_WORLD(name_source), 0, true},
    {"formal_name", "FORMAL NAME", "formal English name (UNTERM)",
     "#country+name+formal", T::text, false, false, IOM_WORLD(formal_name), 0,
     true},
    {"name_en", "NAME (EN)", "the name in English, whatever --lang says",
     "#country+name+i_en", T::text, false, false,
     [](const E &r, auto, Cell &c) { set_named(c, place_name(r, Lang::en)); },
     0, true},
    {"name_fr", "NAME (FR)",
     "French name (UNTERM, else M49); English when none was found",
     "#country+name+i_fr", T::text, false, false,
     [](const E &r, auto, Cell &c) { set_named(c, place_name(r, Lang::fr)); },
     0, true},
    {"name_fr_source", "NAME (FR) SOURCE",
     "where the French name comes from, or that none was found",
     "#meta+source+i_fr", T::text, false, false,
     [](const E &r, auto, Cell &c) { lend(c, place_name(r, Lang::fr).source); },
     0, true},
    {"name_es", "NAME (ES)",
     "Spanish name (UNTERM, else M49); English when none was found",
     "#country+name+i_es", T::text, false, false,
     [](const E &r, auto, Cell &c) { set_named(c, place_name(r, Lang::es)); },
     0, true},
    {"name_es_source", "NAME (ES) SOURCE",
     "where the Spanish name comes from, or that none was found",
     "#meta+source+i_es", T::text, false, false,
     [](const E &r, auto, Cell &c) { lend(c, place_name(r, Lang::es).source); },
     0, true},
    {"independent", "INDEPENDENT", "yes for an independent state (OCHA)",
     "#country+independent", T::text, false, false,
     [](const E &r, auto, Cell &c) {
       if (r.world)
         lend(c, r.world->independent ? "yes" : "no");
     },
     0, true},
    {"m49_region", "M49 REGION", "UN M49 region code", "#region+code+m49",
     T::number, false, false, IOM_WORLD(m49_region), 0, true},
    {"m49_region_name", "M49 REGION NAME", "UN M49 region name",
     "#region+name+m49", T::text, false, false, IOM_WORLD(m49_region_name), 0,
     true},
    {"m49_subregion", "M49 SUB-REGION", "UN M49 sub-region code",
     "#region+code+m49+sub", T::number, false, false, IOM_WORLD(m49_subregion),
     0, true},
    {"m49_subregion_name", "M49 SUB-REGION NAME", "UN M49 sub-region name",
     "#region+name+m49+sub", T::text, false, false,
     IOM_WORLD(m49_subregion_name), 0, true},
    {"m49_intermediate", "M49 INTERMEDIATE",
     "UN M49 intermediate region code, where there is one",
     "#region+code+m49+intermediate", T::number, false, false,
     IOM_WORLD(m49_intermediate), 0, true},
    {"m49_intermediate_name", "M49 INTERMEDIATE NAME",
     "UN M49 intermediate region name, where there is one",
     "#region+name+m49+intermediate", T::text, false, false,
     IOM_WORLD(m49_intermediate_name), 0, true},
};

#undef IOM_ENTRY
#undef IOM_WORLD
#undef IOM_EITHER

using R = RegionRow;

std::string_view office_name(const Dataset &data, const Region &region) {
  for (const auto &entry : data.entries)
    if (entry.id == region.office)
      return entry.short_name;
  return region.office;
}

constexpr Field<RegionRow> k_region_fields[] = {
    {"code", "CODE", "region code", "#region+code+v_iom", T::text, false, false,
     [](const R &r, auto, Cell &c) { lend(c, r.region.code); }},
    {"name", "NAME", "region name", "#region+name+v_iom", T::text, false, false,
     [](const R &r, auto, Cell &c) { lend(c, r.region.name); }},
    {"countries", "COUNTRIES", "countries and territories in the region",
     "#indicator+num+countries", T::number, false, true,
     [](const R &r, auto, Cell &c) { set_count(c, r.countries); }},
    {"entries", "ENTRIES", "directory entries in the region",
     "#indicator+num+entries", T::number, false, true,
     [](const R &r, auto, Cell &c) { set_count(c, r.entries); }},
    {"office", "REGIONAL OFFICE", "the regional office", "#org+name", T::text,
     false, false,
     [](const R &r, auto, Cell &c) { lend(c, office_name(r.data, r.region)); }},
    {"city", "CITY", "city of the regional office", "#loc+name", T::text, false,
     false, [](const R &r, auto, Cell &c) { lend(c, r.region.city); }},
    {"basis", "BASIS",
     "how the regional office is known: sourced, default or inferred",
     "#org+basis", T::text, false, false,
     [](const R &r, auto, Cell &c) {
       lend(c, to_string(r.region.basis));
       dim_unless_sourced(c, r.region.basis);
     }},
    {"note", "NOTE",
     "what the regional office rests on, and what is unconfirmed", "#meta+note",
     T::text, false, false,
     [](const R &r, auto, Cell &c) { lend(c, r.region.note); }},
};

constexpr Field<TypeRow> k_type_fields[] = {
    {"code", "CODE", "office type code", "#org+type+code", T::text, false,
     false, [](const TypeRow &r, auto, Cell &c) { lend(c, r.type.code); }},
    {"name", "NAME", "office type name, in the --lang language",
     "#org+type+name", T::text, false, false,
     [](const TypeRow &r, auto, Cell &c) {
       set_named(c, type_name(r.type, r.lang));
     }},
    {"entries", "ENTRIES", "directory entries of this type",
     "#indicator+num+entries", T::number, false, true,
     [](const TypeRow &r, auto, Cell &c) { set_count(c, r.entries); }},
    {"description", "DESCRIPTION", "what the type means and how it is known",
     "#meta+description", T::text, false, false,
     [](const TypeRow &r, auto, Cell &c) { lend(c, r.type.description); }},
    {"name_en", "NAME (EN)", "the name in English", "#org+type+name+i_en",
     T::text, false, false,
     [](const TypeRow &r, auto, Cell &c) { lend(c, r.type.name); }, 0, true},
    {"name_fr", "NAME (FR)", "IOM's French name; English when none was found",
     "#org+type+name+i_fr", T::text, false, false,
     [](const TypeRow &r, auto, Cell &c) {
       set_named(c, type_name(r.type, Lang::fr));
     },
     0, true},
    {"name_fr_source", "NAME (FR) SOURCE",
     "the IOM page of the French name, or that none was found",
     "#meta+source+i_fr", T::text, false, false,
     [](const TypeRow &r, auto, Cell &c) {
       lend(c, type_name(r.type, Lang::fr).source);
     },
     0, true},
    {"name_es", "NAME (ES)", "IOM's Spanish name; English when none was found",
     "#org+type+name+i_es", T::text, false, false,
     [](const TypeRow &r, auto, Cell &c) {
       set_named(c, type_name(r.type, Lang::es));
     },
     0, true},
    {"name_es_source", "NAME (ES) SOURCE",
     "the IOM page of the Spanish name, or that none was found",
     "#meta+source+i_es", T::text, false, false,
     [](const TypeRow &r, auto, Cell &c) {
       lend(c, type_name(r.type, Lang::es).source);
     },
     0, true},
};

constexpr Field<StatsRow> k_stats_region = {
    "region",
    "REGION",
    "region code; empty for no region and for the totals",
    "#region+code+v_iom",
    T::text,
    false,
    false,
    [](const StatsRow &r, auto, Cell &c) {
      lend(c, r.region ? r.region->code : r.label);
    }};
constexpr Field<StatsRow> k_stats_total = {
    "total",
    "TOTAL",
    "entries in the row",
    "#indicator+num+total",
    T::number,
    false,
    true,
    [](const StatsRow &r, auto, Cell &c) { set_count(c, r.total); }};

constexpr Field<ClaimRow> k_claim_fields[] = {
    {"claim", "CLAIM", "what the source page claims", "#meta+claim", T::text,
     false, false, [](const ClaimRow &r, auto, Cell &c) { lend(c, r.claim); }},
    {"page", "THE PAGE SAYS", "the source page's figure",
     "#indicator+text+page", T::text, false, false,
     [](const ClaimRow &r, auto, Cell &c) { lend(c, r.page); }},
    {"dataset", "THE DATASET HAS", "the dataset's own count",
     "#indicator+text+dataset", T::text, false, false,
     [](const ClaimRow &r, auto, Cell &c) { set(c, r.dataset); }},
};

constexpr Field<Dataset> k_meta_fields[] = {
    {"data_version", "DATA", "version of the data", "#meta+version", T::text,
     false, false,
     [](const Dataset &d, auto, Cell &c) { lend(c, d.meta.data_version); }},
    {"captured", "CAPTURED", "capture date of the source page",
     "#date+captured", T::text, false, false,
     [](const Dataset &d, auto, Cell &c) { lend(c, d.meta.captured); }},
    {"captured_basis", "CAPTURED BASIS",
     "how the capture date is known: sourced, default or inferred",
     "#date+captured+basis", T::text, false, false,
     [](const Dataset &d, auto, Cell &c) {
       lend(c, to_string(d.meta.captured_basis));
     }},
    {"source", "SOURCE", "URL of the source page", "#meta+source+url", T::text,
     false, false,
     [](const Dataset &d, auto, Cell &c) { lend(c, d.meta.source); }},
    {"origin", "ORIGIN", "built-in or the dataset file", "#meta+origin",
     T::text, false, false,
     [](const Dataset &d, auto, Cell &c) { lend(c, d.origin); }},
};

using S = SearchRow;

constexpr Field<SearchRow> k_search_own[] = {
    {"score", "SCORE", "how well the candidate matches (higher is better)",
     "#meta+score", T::number, false, true,
     [](const S &r, auto, Cell &c) { c.text = std::to_string(r.score); }},
    {"match", "MATCH", "how it matched: exact, prefix, word, edit (distance)",
     "#meta+match", T::text, false, false,
     [](const S &r, auto, Cell &c) { set(c, r.match); }},
    {"key", "MATCHED", "the name, alias or code that matched", "#meta+key",
     T::text, false, false, [](const S &r, auto, Cell &c) { lend(c, r.key); }},
};

// A search row shows every entry field too: each one reads the candidate's
// entry through the entry table, so the two tables cannot drift apart.
template <std::size_t I>
void search_entry_get(const SearchRow &row, std::size_t slot, Cell &cell) {
  k_entry_fields[I].get(
      EntryRow{row.data, row.place.entry, row.place.world, row.lang}, slot,
      cell);
}

template <std::size_t I> constexpr Field<SearchRow> search_entry_field() {
  const EntryField &f = k_entry_fields[I];
  return {f.name,    f.header,   f.description,         f.hashtag, f.sort,
          f.is_list, f.is_count, {search_entry_get<I>}, f.slot,    f.opt_in};
}

constexpr std::size_t k_entry_count = std::size(k_entry_fields);
constexpr std::size_t k_search_own_count = std::size(k_search_own);

template <std::size_t... I>
constexpr std::array<Field<SearchRow>, k_search_own_count + sizeof...(I)>
make_search_fields(std::index_sequence<I...>) {
  return {k_search_own[0], k_search_own[1], k_search_own[2],
          search_entry_field<I>()...};
}

static_assert(k_search_own_count == 3);
constexpr auto k_search_fields =
    make_search_fields(std::make_index_sequence<k_entry_count>());

constexpr Field<FieldRow> k_field_fields[] = {
    {"name", "FIELD", "the name --fields and --sort accept", "#meta+name",
     T::text, false, false,
     [](const FieldRow &r, auto, Cell &c) { lend(c, r.name); }},
    {"list", "LIST", "yes when the field holds a list", "#meta+list", T::text,
     false, false,
     [](const FieldRow &r, auto, Cell &c) {
       lend(c, r.is_list ? "yes" : "no");
     }},
    {"description", "DESCRIPTION", "what the field holds", "#meta+description",
     T::text, false, false,
     [](const FieldRow &r, auto, Cell &c) { lend(c, r.description); }},
    {"hashtag", "HASHTAG", "the field's HXL hashtag and attributes",
     "#meta+hashtag", T::text, false, false,
     [](const FieldRow &r, auto, Cell &c) { lend(c, r.hashtag); }},
};

} // namespace

std::size_t region_position(const Dataset &data, const Entry &entry) {
  const Region *region = region_of(data, entry);
  return region ? static_cast<std::size_t>(region - data.regions.data())
                : data.regions.size();
}

std::size_t type_position(const Entry &entry) { return to_size(entry.type); }

std::span<const EntryField> entry_fields() { return k_entry_fields; }

const EntryField *find_field(std::string_view name) {
  return find_field(entry_fields(), name);
}

std::vector<const EntryField *> parse_fields(std::string_view list) {
  return parse_fields(entry_fields(), list);
}

std::string directory_field_names() {
  std::string names;
  for (const EntryField &field : k_entry_fields)
    if (!field.opt_in) {
      if (!names.empty())
        names += ',';
      names += field.name;
    }
  return names;
}

void fill_row(const Dataset &data, Place place, Lang lang,
              const std::vector<const EntryField *> &fields,
              std::vector<Cell> &row) {
  fill_row(EntryRow{data, place.entry, place.world, lang}, fields, row);
}

Rows make_rows(const Dataset &data, std::span<const PlaceIndex> places,
               Lang lang, const std::vector<const EntryField *> &fields) {
  Rows rows;
  rows.columns = make_columns(fields);
  rows.cells.reserve(places.size());
  for (PlaceIndex index : places)
    fill_row(data, place_at(data, index), lang, fields,
             rows.cells.emplace_back());
  return rows;
}

namespace {

// What a world.toml *_source (a column of OCHA's taxonomy) means.
std::string_view column_source(std::string_view column) {
  constexpr std::pair<std::string_view, std::string_view> k_columns[] = {
      {"English Short", "UNTERM English short name (OCHA taxonomy)"},
      {"French Short", "UNTERM French short name (OCHA taxonomy)"},
      {"Spanish Short", "UNTERM Spanish short name (OCHA taxonomy)"},
      {"M49 English", "UN M49 English name (OCHA taxonomy)"},
      {"M49 French", "UN M49 French name (OCHA taxonomy)"},
      {"M49 Spanish", "UN M49 Spanish name (OCHA taxonomy)"},
      {"Preferred Term", "OCHA's preferred term (OCHA taxonomy)"},
  };
  for (const auto &[name, meaning] : k_columns)
    if (name == column)
      return meaning;
  return column;
}

} // namespace

Named place_name(const EntryRow &row, Lang lang) {
  const std::string_view english =
      row.entry ? row.entry->name : row.world->name;
  if (lang == Lang::en)
    return {english, row.entry ? std::string_view("IOM's directory")
                               : column_source(row.world->name_source)};
  if (row.world) {
    const bool fr = lang == Lang::fr;
    const std::string_view text = fr ? row.world->name_fr : row.world->name_es;
    if (!text.empty())
      return {text, column_source(fr ? row.world->name_fr_source
                                     : row.world->name_es_source)};
    // Where OCHA has none, a sourced display name (data/world_aliases.toml,
    // kind "name": Kosovo is Kosovo in all three languages).
    const std::string_view code = fr ? "fr" : "es";
    for (const WorldAlias &alias : row.data.world_aliases)
      if (alias.kind == "name" && alias.lang == code &&
          alias.iso3 == row.world->iso3)
        return {alias.name, alias.source};
  }
  return {english, k_untranslated[static_cast<std::size_t>(lang)], false};
}

Named type_name(const OfficeType &type, Lang lang) {
  if (lang == Lang::en)
    return {type.name, {}};
  const bool fr = lang == Lang::fr;
  const std::string_view text = fr ? type.name_fr : type.name_es;
  if (!text.empty())
    return {text, fr ? type.name_fr_source : type.name_es_source};
  return {type.name, k_untranslated[static_cast<std::size_t>(lang)], false};
}

std::string flag_of(std::string_view iso2) {
  if (iso2.size() != 2)
    return {};
  // U+1F1E6 REGIONAL INDICATOR SYMBOL LETTER A + offset, whose UTF-8 is
  // F0 9F 87 A6 + offset for all 26 letters: one string of 8 bytes, made
  // for every row that shows a flag.
  char flag[] = "\xF0\x9F\x87\xA6\xF0\x9F\x87\xA6";
  for (std::size_t i = 0; i < 2; ++i) {
    const char c = iso2[i];
    if (c < 'A' || c > 'Z')
      return {};
    flag[4 * i + 3] = static_cast<char>(0xA6 + (c - 'A'));
  }
  return std::string(flag, 8);
}

std::span<const Field<RegionRow>> region_fields() { return k_region_fields; }
std::span<const Field<TypeRow>> type_fields() { return k_type_fields; }
std::span<const Field<ClaimRow>> claim_fields() { return k_claim_fields; }
std::span<const Field<Dataset>> meta_fields() { return k_meta_fields; }
std::span<const Field<SearchRow>> search_fields() { return k_search_fields; }
std::span<const Field<FieldRow>> field_fields() { return k_field_fields; }

std::vector<Field<StatsRow>> stats_fields(const Dataset &data) {
  std::vector<Field<StatsRow>> fields;
  fields.reserve(data.types.size() + 2);
  fields.push_back(k_stats_region);
  for (std::size_t t = 0; t < data.types.size(); ++t) {
    const OfficeType &type = data.types[t];
    fields.push_back({type.code,
                      type.code,
                      type.name,
                      "#indicator+num+type",
                      T::number,
                      false,
                      true,
                      {[](const StatsRow &r, std::size_t slot, Cell &c) {
                        set_count(c, r.counts[slot]);
                      }},
                      t});
  }
  fields.push_back(k_stats_total);
  return fields;
}

} // namespace iom::render
