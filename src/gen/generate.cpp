// iom-gen: the build-time step that validates data/iom.toml and
// data/world.toml with the same loader the binary uses at run time, and
// writes them out as constant-initialised C++ tables (with the normalised
// lookup keys already sorted), so that the binary parses nothing at start-up.
//
// usage: iom-gen INPUT NAME WORLD NAME ALIASES NAME ISOCODES NAME OUTPUT
// (each input file with the name that messages give it)

#include "dataset/load.hpp"
#include "dataset/names.hpp"
#include "dataset/schema.hpp"
#include "query/keys.hpp"
#include "query/sort.hpp"
#include "query/word_index.hpp"
#include "render/fields.hpp"
#include "util/error.hpp"

#include <cstdio>
#include <fstream>
#include <span>
#include <string>
#include <type_traits>
#include <variant>
#include <vector>

namespace {

using namespace iom;

// A C++ string literal; octal escapes have a fixed width so that the next
// character can never extend them.
std::string literal(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    auto byte = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (byte < 0x20 || byte == 0x7f || c == '?') {
      char buffer[8];
      std::snprintf(buffer, sizeof buffer, "\\%03o", byte);
      out += buffer;
    } else {
      out += c;
    }
  }
  out += "\"sv";
  return out;
}

// Writes one model value as C++; list items go out first as their own
// arrays, since a span needs storage to point at.
class Writer {
public:
  std::string value(std::string_view text) { return literal(text); }
  std::string value(bool flag) { return flag ? "true" : "false"; }
  std::string value(Strings items) {
    if (items.empty())
      return "Strings()";
    std::string name = "k_list_" + std::to_string(m_lists++);
    m_lists_out += "constexpr std::string_view " + name + "[] = {";
    for (std::size_t i = 0; i < items.size(); ++i)
      m_lists_out += (i ? ", " : "") + literal(items[i]);
    m_lists_out += "};\n";
    return "Strings(" + name + ")";
  }
  template <typename Enum>
  requires requires { dataset::Spelling<Enum>::names; }
  std::string value(Enum spelt) {
    return "spelled<" + std::string(dataset::Spelling<Enum>::type) + ">(" +
           literal(dataset::spelling(spelt)) + ")";
  }
  std::string value(RegionIndex index) {
    return index == k_no_region
               ? "k_no_region"
               : "RegionIndex{" + std::to_string(to_size(index)) + "}";
  }
  std::string value(TypeIndex index) {
    return "TypeIndex{" + std::to_string(to_size(index)) + "}";
  }
  std::string value(WorldIndex index) {
    return index == k_no_world
               ? "k_no_world"
               : "WorldIndex{" + std::to_string(to_size(index)) + "}";
  }

  // A designated initialiser with every member that the schema names, in
  // the schema's order (which is the declaration order: C++ refuses any
  // other), so a reordered member can never shift a value.
  template <typename Struct>
  std::string initialiser(const Struct &from, std::string_view indent) {
    std::string out = "{";
    bool first = true;
    for (const auto &field : dataset::Schema<Struct>::fields) {
      std::visit(
          [&](auto member) {
            out += first ? "" : ",\n" + std::string(indent);
            out += "." + std::string(field.name) + " = " + value(from.*member);
          },
          field.member);
      first = false;
    }
    // Not a TOML field: the loader links it (see Entry::world).
    if constexpr (std::is_same_v<Struct, Entry>)
      out += ",\n" + std::string(indent) + ".world = " + value(from.world);
    return out + "}";
  }

  const std::string &lists() const { return m_lists_out; }

private:
  std::string m_lists_out;
  int m_lists = 0;
};

std::string key_kind_value(KeyKind kind) {
  constexpr std::string_view k_names[] = {"name", "short_name", "alias", "iso2",
                                          "iso3", "numeric",    "id"};
  return "KeyKind::" + std::string(k_names[static_cast<std::size_t>(kind)]);
}

template <typename Struct>
std::string table(Writer &w, std::string_view name,
                  std::span<const Struct> rows) {
  std::string out = "constexpr " + std::string(name) + "[] = {\n";
  for (const auto &row : rows)
    out += "    " + w.initialiser(row, "     ") + ",\n";
  return out + "};\n\n";
}

// A table, or an empty span's initialiser when there are no rows (C++ has no
// zero-length arrays).
template <typename Struct>
std::string optional_table(Writer &w, std::string_view type,
                           std::string_view name, std::span<const Struct> rows,
                           std::string &tables) {
  if (rows.empty())
    return "{}";
  tables += table(w, std::string(type) + " " + std::string(name), rows);
  return std::string(name);
}

// An array of numbers, `limit` of them a line; or an empty span's
// initialiser.
template <typename Item, typename Format>
std::string number_table(std::string_view type, std::string_view name,
                         std::span<const Item> items, Format format,
                         std::string &out) {
  if (items.empty())
    return "{}";
  out += "constexpr " + std::string(type) + " " + std::string(name) + "[] = {";
  for (std::size_t i = 0; i < items.size(); ++i)
    out += (i % 8 == 0 ? "\n    " : " ") + format(items[i]) + ",";
  out += "\n};\n\n";
  return std::string(name);
}

// The candidate index of approximate matching over the keys
// (query/word_index.hpp), as tables; returns its WordIndex initialiser.
std::string word_index_tables(std::span<const Key> keys, std::string &out) {
  const query::OwnedWordIndex index = query::build_word_index(keys);
  const auto number = [](std::uint32_t n) { return std::to_string(n); };
  const std::string words = number_table<std::string_view>(
      "std::string_view", "k_words", index.words,
      [](std::string_view word) { return literal(word); }, out);
  const std::string ordinals = number_table<std::uint32_t>(
      "std::uint32_t", "k_word_ordinals", index.ordinals, number, out);
  const std::string posting_start = number_table<std::uint32_t>(
      "std::uint32_t", "k_posting_start", index.posting_start, number, out);
  const std::string postings = number_table<WordPosting>(
      "WordPosting", "k_postings", index.postings,
      [](const WordPosting &p) {
        return "{" + std::to_string(p.key) + "," + std::to_string(p.position) +
               "," + std::to_string(p.token_count) + "}";
      },
      out);
  const std::string bucket_start = number_table<std::uint32_t>(
      "std::uint32_t", "k_bucket_start", index.bucket_start, number, out);
  const std::string variants = number_table<WordVariant>(
      "WordVariant", "k_variants", index.variants,
      [](const WordVariant &v) {
        return "{" + std::to_string(v.fingerprint) + "u," +
               std::to_string(v.word) + "}";
      },
      out);
  return "{.words = " + words + ", .ordinals = " + ordinals +
         ", .posting_start = " + posting_start + ", .postings = " + postings +
         ", .bucket_start = " + bucket_start + ", .variants = " + variants +
         "}";
}

// Dataset::name_ranks: by language, the dense rank of every place's name
// field under sort_entries' sort by name, computed as that sort computes
// it; returns the span's initialiser.
std::string name_rank_table(const Dataset &data, std::string &out) {
  const render::EntryField &name = *render::find_field("name");
  std::vector<std::uint16_t> ranks;
  render::Cell cell;
  for (std::size_t lang = 0; lang < k_lang_count; ++lang) {
    std::vector<query::SortValue> values;
    for (std::size_t place = 0; place < place_count(data); ++place) {
      const Place at = place_at(data, static_cast<PlaceIndex>(place));
      render::fill_cell(
          render::EntryRow{data, at.entry, at.world, static_cast<Lang>(lang)},
          name, cell);
      values.push_back(query::sort_value(
          cell.value(), name.sort == render::SortKind::number));
    }
    for (std::uint32_t rank : query::dense_ranks(values)) {
      if (rank > UINT16_MAX)
        throw Error("iom-gen: more places than a name rank can count");
      ranks.push_back(static_cast<std::uint16_t>(rank));
    }
  }
  return number_table<std::uint16_t>(
      "std::uint16_t", "k_name_ranks", ranks,
      [](std::uint16_t n) { return std::to_string(n); }, out);
}

std::string generate(const Dataset &data) {
  Writer w;
  std::string tables = table(w, "Region k_regions", data.regions) +
                       table(w, "OfficeType k_types", data.types);
  const std::string hosts =
      optional_table(w, "Host", "k_hosts", data.hosts, tables);
  tables += table(w, "Entry k_entries", data.entries) +
            table(w, "WorldRow k_world", data.world);
  const std::string aliases = optional_table(w, "WorldAlias", "k_world_aliases",
                                             data.world_aliases, tables);
  const std::string shared = optional_table(w, "SharedName", "k_shared_names",
                                            data.shared_names, tables);
  const std::string confusables = optional_table(
      w, "Confusable", "k_confusables", data.confusables, tables);
  std::string o = "// Generated from data/iom.toml and data/world.toml by "
                  "iom-gen. Do not edit.\n"
                  "#include \"dataset/builtin.hpp\"\n"
                  "#include \"dataset/names.hpp\"\n\n"
                  "namespace iom::dataset {\nnamespace {\n"
                  "using namespace std::string_view_literals;\n\n";
  o += w.lists() + "\n" + tables;

  const std::vector<query::OwnedKey> owned = query::build_keys(data);
  std::vector<Key> keys;
  o += "constexpr Key k_keys[] = {\n";
  for (const auto &key : owned) {
    keys.push_back({key.key, key.place, key.kind});
    o += "    {.key = " + literal(key.key) +
         ", .place = " + std::to_string(key.place) +
         ", .kind = " + key_kind_value(key.kind) + "},\n";
  }
  o += "};\n\n";
  const std::vector<std::uint32_t> slots = query::build_key_slots(keys);
  const std::string key_slots = number_table<std::uint32_t>(
      "std::uint32_t", "k_key_slots", slots,
      [](std::uint32_t n) { return std::to_string(n); }, o);
  const std::string word_index = word_index_tables(keys, o);
  const std::string name_ranks = name_rank_table(data, o);

  o += "constinit const Dataset k_builtin{\n"
       "    .entries = k_entries,\n    .regions = k_regions,\n"
       "    .types = k_types,\n";
  o += "    .hosts = " + hosts + ",\n";
  o += "    .world = k_world,\n";
  o += "    .world_aliases = " + aliases + ",\n";
  o += "    .shared_names = " + shared + ",\n";
  o += "    .confusables = " + confusables + ",\n";
  o += "    .meta = " + w.initialiser(data.meta, "             ") + ",\n";
  o += "    .keys = k_keys,\n    .key_slots = " + key_slots +
       ",\n    .word_index = " + word_index +
       ",\n    .name_ranks = " + name_ranks +
       ",\n"
       "    .origin = \"built-in\"sv,\n    .storage = {},\n"
       "    .key_storage = {},\n};\n\n"
       "} // namespace\n\n"
       "const Dataset &builtin() { return k_builtin; }\n\n"
       "} // namespace iom::dataset\n";
  return o;
}

// The built-in directory must sit wholly on the world: every country and
// territory has its world row (the loader checked that the codes agree).
void require_linked(const Dataset &data, std::string_view name) {
  for (const Entry &entry : data.entries)
    if (entry.kind != Kind::office && entry.world == k_no_world)
      throw Error(std::string(name) + ": entry '" + std::string(entry.id) +
                  "' (iso3 '" + std::string(entry.iso3) +
                  "') has no row in the world table");
}

} // namespace

int main(int argc, char **argv) {
  if (argc != 10) {
    std::fprintf(stderr, "usage: iom-gen INPUT NAME WORLD NAME ALIASES NAME "
                         "ISOCODES NAME OUTPUT\n");
    return 2;
  }
  try {
    using namespace iom::dataset;
    // Messages name each file as the user knows it (data/iom.toml), not by
    // the build's absolute path.
    World world = load_world_text(read_file(argv[3]), argv[4]);
    iom::Dataset data = load_text(read_file(argv[1]), argv[2], world.rows);
    // The built-in world comes from its own file, not from iom.toml.
    if (data.world.data() != world.rows.data())
      throw iom::Error(std::string(argv[2]) +
                       ": the built-in world is data/world.toml's; "
                       "no [[world]] here");
    require_linked(data, argv[2]);
    WorldNames hand =
        load_world_names_text(read_file(argv[5]), argv[6], world.rows);
    WorldNames isocodes =
        load_world_names_text(read_file(argv[7]), argv[8], world.rows);
    if (!isocodes.shared.empty() || !isocodes.confusables.empty())
      throw iom::Error(std::string(argv[8]) + ": only [[alias]] tables here");
    std::vector<iom::WorldAlias> aliases(hand.aliases.begin(),
                                         hand.aliases.end());
    aliases.insert(aliases.end(), isocodes.aliases.begin(),
                   isocodes.aliases.end());
    data.world_aliases = aliases;
    data.shared_names = hand.shared;
    data.confusables = hand.confusables;
    std::string text = generate(data);
    std::ofstream out(argv[9], std::ios::binary | std::ios::trunc);
    out << text;
    out.close();
    if (!out) {
      std::fprintf(stderr, "iom-gen: cannot write %s\n", argv[9]);
      return 2;
    }
  } catch (const iom::Error &error) {
    std::fprintf(stderr, "%s\n", error.what());
    return 1;
  }
  return 0;
}
