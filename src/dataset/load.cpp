#include "dataset/load.hpp"

#include "dataset/names.hpp"
#include "dataset/schema.hpp"
#include "dataset/toml_guard.hpp" // toml++, with a 3.3.0 bug guarded
#include "util/error.hpp"
#include "util/text.hpp"
#include "util/utf8.hpp"

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace iom::dataset {
namespace {

// More problems than this and the rest are summarised in one line.
constexpr std::size_t k_max_problems = 20;

// Everything a loaded dataset owns. The model's views point into `root`
// (string values) and into the vectors, which are never resized after the
// views are taken.
struct Storage {
  toml::table root;
  std::vector<Entry> entries;
  std::vector<Region> regions;
  std::vector<OfficeType> types;
  std::vector<Host> hosts;
  std::vector<WorldRow> world;
  std::vector<WorldAlias> world_aliases;
  std::vector<SharedName> shared_names;
  std::vector<Confusable> confusables;
  std::vector<std::string_view> list_items;
  std::string origin;
};

bool all_of_class(std::string_view text, std::size_t length, bool upper) {
  if (text.size() != length)
    return false;
  for (char c : text) {
    bool ok = upper ? (c >= 'A' && c <= 'Z') : (c >= '0' && c <= '9');
    if (!ok)
      return false;
  }
  return true;
}

bool is_slug(std::string_view text) {
  if (text.empty() || text.front() == '-' || text.back() == '-')
    return false;
  char previous = 0;
  for (char c : text) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    if (!ok || (c == '-' && previous == '-'))
      return false;
    previous = c;
  }
  return true;
}

// ISO 3166-1 reserves AA, QM-QZ, XA-XZ and ZZ for user assignment.
bool is_user_assigned(std::string_view code) {
  if (code.size() < 2)
    return false;
  char a = code[0];
  char b = code[1];
  return (a == 'A' && b == 'A') || (a == 'Q' && b >= 'M') || a == 'X' ||
         (a == 'Z' && b == 'Z');
}

// The nodes of one table after checking shapes, one slot per field of its
// section's schema (a flat array: a --data file may hold 100,000 tables);
// absent fields are nullptr.
struct Fields {
  std::array<const toml::node *, k_max_fields> nodes{};
  toml::source_position position;

  std::string_view text(std::size_t slot) const {
    return nodes[slot] ? nodes[slot]->as_string()->get() : std::string_view{};
  }
  bool flag(std::size_t slot) const {
    return nodes[slot] && nodes[slot]->as_boolean()->get();
  }
  const toml::array *list(std::size_t slot) const {
    return nodes[slot] ? nodes[slot]->as_array() : nullptr;
  }
  // The field's value, or the table itself when the field is absent.
  toml::source_position where(std::size_t slot) const {
    return nodes[slot] ? nodes[slot]->source().begin : position;
  }
};

template <auto member> toml::source_position where(const Fields &fields) {
  return fields.where(slot_of<member>());
}
template <auto member> std::string_view text(const Fields &fields) {
  return fields.text(slot_of<member>());
}

template <typename Enum>
concept Spelled = requires {
  Spelling<Enum>::names;
};

struct FoldedHash {
  std::size_t operator()(std::string_view text) const {
    std::size_t hash = 14695981039346656037ull; // FNV-1a
    for (char c : text)
      hash = (hash ^ static_cast<unsigned char>(util::fold_ascii(c))) *
             1099511628211ull;
    return hash;
  }
};
struct FoldedEqual {
  bool operator()(std::string_view a, std::string_view b) const {
    return util::equal_ignoring_ascii_case(a, b);
  }
};

// Checks that `value` was not seen before under `what`; records it.
template <typename Hash = std::hash<std::string_view>,
          typename Equal = std::equal_to<std::string_view>>
class UniqueSet {
public:
  UniqueSet(std::string_view what, std::size_t expected) : m_what(what) {
    m_seen.reserve(expected);
  }
  std::optional<std::string> add(std::string_view value) {
    if (value.empty())
      return std::nullopt;
    if (!m_seen.insert(value).second)
      return "duplicate " + std::string(m_what) + " '" + std::string(value) +
             "'";
    return std::nullopt;
  }
  bool contains(std::string_view value) const { return m_seen.count(value); }

private:
  std::string_view m_what;
  std::unordered_set<std::string_view, Hash, Equal> m_seen;
};

// The tables of every section, as read_section found them.
struct Tables {
  std::vector<Fields> meta, regions, types, hosts, entries, world;
};

// The codes of one table of coded rows, each unique.
struct CodeSets {
  UniqueSet<> iso2s{"iso2", 0}, iso3s{"iso3", 0}, numerics{"numeric", 0};
};

class Loader {
public:
  explicit Loader(std::string_view display_name) : m_name(display_name) {}

  std::shared_ptr<Storage> load(std::string_view text,
                                std::span<const WorldRow> default_world);
  std::shared_ptr<Storage> load_world(std::string_view text);
  std::shared_ptr<Storage> load_names(std::string_view text,
                                      std::span<const WorldRow> world);
  const Meta &meta() const { return m_meta; }
  const WorldMeta &world_meta() const { return m_world_meta; }

private:
  void problem(toml::source_position at, std::string message) {
    if (m_problems.size() < k_max_problems)
      m_problems.push_back(fmt_position(at) + ": " + std::move(message));
    else
      ++m_dropped;
  }
  void problem(std::string message) {
    m_problems.push_back(std::string(m_name) + ": " + std::move(message));
  }
  std::string fmt_position(toml::source_position at) const {
    return std::string(m_name) + ":" + std::to_string(at.line) + ":" +
           std::to_string(at.column);
  }
  // A name longer than a query may be could never be asked for.
  // `what`: "field 'name'", or "a name in 'aliases'" for a list's item.
  bool name_fits(const toml::node &node, std::string_view what) {
    const std::size_t bytes = node.as_string()->get().size();
    if (bytes <= k_max_query_bytes)
      return true;
    problem(node.source().begin, std::string(what) + " is too long (" +
                                     std::to_string(bytes) +
                                     " bytes; a name may have at most " +
                                     std::to_string(k_max_query_bytes) +
                                     ", the longest query iom looks up)");
    return false;
  }
  [[noreturn]] void fail();
  std::shared_ptr<Storage> parse(std::string_view text);
  void refuse_unknown_sections(const toml::table &root,
                               std::span<const std::string_view> known);

  template <typename Struct>
  std::vector<Fields> read_section(const toml::table &root);
  template <typename Struct>
  bool read_fields(const toml::table &table, Fields &out);

  // One step per section, in the order of k_sections, then the checks that
  // need every section.
  void build(Storage &storage, const Tables &tables);
  void build_meta(Storage &storage, const std::vector<Fields> &tables);
  void build_regions(Storage &storage, const std::vector<Fields> &tables);
  void build_types(Storage &storage, const std::vector<Fields> &tables);
  void build_hosts(Storage &storage, const std::vector<Fields> &tables);
  void build_entries(Storage &storage, const std::vector<Fields> &tables);
  void build_world(Storage &storage, const std::vector<Fields> &tables);
  void check_references(const Storage &storage, const Tables &tables);
  void link_world(Storage &storage, const Tables &tables,
                  std::span<const WorldRow> world);
  void
  check_iso3s(toml::source_position at, Strings iso3s,
              const std::unordered_map<std::string_view, WorldIndex> &rows);

  // Fills every member that the schema names from one table; reports values
  // that do not convert (an unknown spelling or code).
  template <typename Struct> Struct fill(Storage &storage, const Fields &from);
  void convert(Storage &, const Fields &from, std::size_t slot,
               std::string_view, std::string_view &to) {
    to = from.text(slot);
  }
  void convert(Storage &, const Fields &from, std::size_t slot,
               std::string_view, bool &to) {
    to = from.flag(slot);
  }
  void convert(Storage &storage, const Fields &from, std::size_t slot,
               std::string_view, Strings &to);
  template <Spelled Enum>
  void convert(Storage &, const Fields &from, std::size_t slot,
               std::string_view name, Enum &to);
  void convert(Storage &, const Fields &from, std::size_t slot,
               std::string_view name, RegionIndex &to);
  void convert(Storage &, const Fields &from, std::size_t slot,
               std::string_view name, TypeIndex &to);

  void check_slug(toml::source_position at, std::string_view what,
                  std::string_view value);
  template <typename Struct>
  void check_codes(const Fields &from, const Struct &coded, CodeSets &sets);
  template <typename Struct>
  void check_code_status(const Fields &from, const Struct &coded);

  std::string_view m_name;
  std::vector<std::string> m_problems;
  std::size_t m_dropped = 0;
  Meta m_meta{};
  WorldMeta m_world_meta{};
  std::unordered_map<std::string_view, RegionIndex> m_region_index;
  std::unordered_map<std::string_view, TypeIndex> m_type_index;
  // Codes of entries and [[hosts]] together: no two may share one.
  CodeSets m_codes;
  UniqueSet<> m_ids{"id", 0};
};

void Loader::fail() {
  std::string message;
  for (const auto &line : m_problems) {
    if (!message.empty())
      message += '\n';
    message += line;
  }
  if (m_dropped > 0)
    message += "\n" + std::string(m_name) + ": " + std::to_string(m_dropped) +
               " more problems not shown";
  throw Error(message);
}

template <typename Struct>
bool Loader::read_fields(const toml::table &table, Fields &out) {
  const auto &fields = Schema<Struct>::fields;
  const std::string_view section = Schema<Struct>::section;
  bool ok = true;
  out.position = table.source().begin;
  // Present but invalid fields are reported once, not again as missing.
  std::uint32_t present = 0;
  for (auto &&[key, node] : table) {
    std::size_t slot = 0;
    while (slot < std::size(fields) && fields[slot].name != key.str())
      ++slot;
    if (slot == std::size(fields)) {
      problem(key.source().begin, "unknown field '" + std::string(key.str()) +
                                      "' in " + std::string(section));
      ok = false;
      continue;
    }
    const auto &spec = fields[slot];
    present |= std::uint32_t{1} << slot;
    if (spec.is_bool()) {
      if (!node.is_boolean()) {
        problem(node.source().begin,
                "field '" + std::string(key.str()) + "' must be true or false");
        ok = false;
        continue;
      }
    } else if (!spec.is_list()) {
      if (!node.is_string()) {
        problem(node.source().begin,
                "field '" + std::string(key.str()) + "' must be a string");
        ok = false;
        continue;
      }
      if (spec.no_controls && util::has_control(node.as_string()->get())) {
        problem(node.source().begin, "field '" + std::string(key.str()) +
                                         "' contains a control character");
        ok = false;
        continue;
      }
      if (spec.name_like &&
          !name_fits(node, "field '" + std::string(key.str()) + "'"))
        ok = false;
    } else {
      const toml::array *array = node.as_array();
      bool strings = array != nullptr;
      if (array)
        for (const auto &item : *array)
          strings = strings && item.is_string();
      if (!strings) {
        problem(node.source().begin, "field '" + std::string(key.str()) +
                                         "' must be an array of strings");
        ok = false;
        continue;
      }
      for (const auto &item : *array) {
        if (spec.no_controls && util::has_control(item.as_string()->get())) {
          problem(item.source().begin, "field '" + std::string(key.str()) +
                                           "' contains a control character");
          ok = false;
        } else if (spec.name_like &&
                   !name_fits(item,
                              "a name in '" + std::string(key.str()) + "'")) {
          ok = false;
        }
      }
    }
    out.nodes[slot] = &node;
  }
  for (std::size_t slot = 0; slot < std::size(fields); ++slot) {
    if (fields[slot].required && !(present & (std::uint32_t{1} << slot))) {
      problem(out.position, "missing field '" + std::string(fields[slot].name) +
                                "' in " + std::string(section));
      ok = false;
    }
  }
  return ok;
}

template <typename Struct>
std::vector<Fields> Loader::read_section(const toml::table &root) {
  const std::string name(Schema<Struct>::section);
  std::vector<Fields> result;
  const toml::node *node = root.get(name);
  if (!node) {
    problem(toml::source_position{1, 1}, "missing section '" + name + "'");
    return result;
  }
  if (!Schema<Struct>::is_array) {
    if (!node->is_table()) {
      problem(node->source().begin, "'" + name + "' must be a table");
      return result;
    }
    Fields fields;
    if (read_fields<Struct>(*node->as_table(), fields))
      result.push_back(std::move(fields));
    return result;
  }
  const toml::array *array = node->as_array();
  if (!array || !array->is_array_of_tables()) {
    problem(node->source().begin,
            "'" + name + "' must be an array of tables ([[" + name + "]])");
    return result;
  }
  // Entries refer to regions and types by a small index; a count that the
  // index cannot hold is refused at the first table past the limit.
  constexpr std::size_t max_count = Schema<Struct>::max_count;
  if (array->size() > max_count)
    problem((*array)[max_count].source().begin,
            "too many " + name + " (" + std::to_string(array->size()) +
                "); a dataset may have at most " + std::to_string(max_count));
  result.reserve(array->size());
  for (const auto &item : *array) {
    Fields fields;
    if (read_fields<Struct>(*item.as_table(), fields))
      result.push_back(std::move(fields));
  }
  return result;
}

template <typename Struct>
Struct Loader::fill(Storage &storage, const Fields &from) {
  const auto &fields = Schema<Struct>::fields;
  Struct out{};
  for (std::size_t slot = 0; slot < std::size(fields); ++slot)
    std::visit(
        [&](auto member) {
          convert(storage, from, slot, fields[slot].name, out.*member);
        },
        fields[slot].member);
  return out;
}

// list_items has room for every list (see build), so the span stays valid.
void Loader::convert(Storage &storage, const Fields &from, std::size_t slot,
                     std::string_view, Strings &to) {
  std::size_t begin = storage.list_items.size();
  if (const toml::array *array = from.list(slot))
    for (const auto &item : *array)
      storage.list_items.push_back(item.as_string()->get());
  to = Strings(storage.list_items.data() + begin,
               storage.list_items.size() - begin);
}

template <Spelled Enum>
void Loader::convert(Storage &, const Fields &from, std::size_t slot,
                     std::string_view name, Enum &to) {
  // An absent optional field keeps its default; the schema marks which.
  if (!from.nodes[slot])
    return;
  std::string_view value = from.text(slot);
  if (auto parsed = parse_spelling<Enum>(value)) {
    to = *parsed;
    return;
  }
  std::string quoted =
      Spelling<Enum>::quote_value ? " '" + std::string(value) + "'" : "";
  problem(from.where(slot),
          std::string(name) + quoted + " must be " + spellings_or<Enum>());
}

void Loader::convert(Storage &, const Fields &from, std::size_t slot,
                     std::string_view name, RegionIndex &to) {
  to = k_no_region;
  std::string_view code = from.text(slot);
  if (code.empty())
    return; // an office may have no region; build_entries checks the rest
  if (auto found = m_region_index.find(code); found != m_region_index.end())
    to = found->second;
  else
    problem(from.where(slot),
            std::string(name) + " '" + std::string(code) + "' does not exist");
}

void Loader::convert(Storage &, const Fields &from, std::size_t slot,
                     std::string_view name, TypeIndex &to) {
  std::string_view code = from.text(slot);
  if (auto found = m_type_index.find(code); found != m_type_index.end())
    to = found->second;
  else
    problem(from.where(slot),
            std::string(name) + " '" + std::string(code) + "' does not exist");
}

void Loader::check_slug(toml::source_position at, std::string_view what,
                        std::string_view value) {
  if (!is_slug(value))
    problem(at, std::string(what) + " '" + std::string(value) +
                    "' must be lowercase letters, digits and -");
}

template <typename Struct>
void Loader::check_codes(const Fields &from, const Struct &coded,
                         CodeSets &sets) {
  const std::string iso2(coded.iso2), iso3(coded.iso3), numeric(coded.numeric);
  if (!iso2.empty() && !all_of_class(iso2, 2, true))
    problem(where<&Struct::iso2>(from),
            "iso2 '" + iso2 + "' must be two letters A-Z");
  if (!iso3.empty() && !all_of_class(iso3, 3, true))
    problem(where<&Struct::iso3>(from),
            "iso3 '" + iso3 + "' must be three letters A-Z");
  if (!numeric.empty() && !all_of_class(numeric, 3, false))
    problem(where<&Struct::numeric>(from),
            "numeric '" + numeric + "' must be three digits");
  if (auto e = sets.iso2s.add(coded.iso2))
    problem(where<&Struct::iso2>(from), *e);
  if (auto e = sets.iso3s.add(coded.iso3))
    problem(where<&Struct::iso3>(from), *e);
  if (auto e = sets.numerics.add(coded.numeric))
    problem(where<&Struct::numeric>(from), *e);
}

// code_status agrees with the codes: ISO codes outside the user-assigned
// ranges, user-assigned codes inside them.
template <typename Struct>
void Loader::check_code_status(const Fields &from, const Struct &coded) {
  const auto at_iso2 = where<&Struct::iso2>(from);
  switch (coded.code_status) {
  case CodeStatus::iso:
    if (coded.iso2.empty() || coded.iso3.empty() || coded.numeric.empty())
      problem(from.position, "code_status iso needs iso2, iso3 and numeric");
    else if (is_user_assigned(coded.iso2) || is_user_assigned(coded.iso3))
      problem(at_iso2, "code '" + std::string(coded.iso2) +
                           "' is user-assigned, not ISO");
    break;
  case CodeStatus::user_assigned:
    if (coded.iso2.empty() || coded.iso3.empty())
      problem(from.position, "code_status user-assigned needs iso2 and iso3");
    else if (!is_user_assigned(coded.iso2) || !is_user_assigned(coded.iso3))
      problem(at_iso2,
              "codes '" + std::string(coded.iso2) + "'/'" +
                  std::string(coded.iso3) +
                  "' are not in a user-assigned range (AA, QM-QZ, XA-XZ, ZZ)");
    break;
  case CodeStatus::none:
    if (!coded.iso2.empty() || !coded.iso3.empty() || !coded.numeric.empty())
      problem(at_iso2, "code_status none allows no codes");
    break;
  }
}

// Every list item of every table, so that list_items never reallocates
// while the model's spans point into it.
template <typename Struct>
std::size_t count_list_items(const std::vector<Fields> &tables) {
  const auto &fields = Schema<Struct>::fields;
  std::size_t count = 0;
  for (const auto &table : tables)
    for (std::size_t slot = 0; slot < std::size(fields); ++slot)
      if (const toml::array *array =
              fields[slot].is_list() ? table.list(slot) : nullptr)
        count += array->size();
  return count;
}

void Loader::build(Storage &storage, const Tables &tables) {
  storage.list_items.reserve(count_list_items<Meta>(tables.meta) +
                             count_list_items<Region>(tables.regions) +
                             count_list_items<OfficeType>(tables.types) +
                             count_list_items<Host>(tables.hosts) +
                             count_list_items<Entry>(tables.entries) +
                             count_list_items<WorldRow>(tables.world));
  build_meta(storage, tables.meta);
  build_regions(storage, tables.regions);
  build_types(storage, tables.types);
  build_hosts(storage, tables.hosts);
  build_entries(storage, tables.entries);
  build_world(storage, tables.world);
  check_references(storage, tables);
}

void Loader::build_meta(Storage &storage, const std::vector<Fields> &tables) {
  if (!tables.empty())
    m_meta = fill<Meta>(storage, tables.front());
}

void Loader::build_regions(Storage &storage,
                           const std::vector<Fields> &tables) {
  UniqueSet<> codes("region code", tables.size());
  storage.regions.reserve(tables.size());
  for (const auto &from : tables) {
    Region region = fill<Region>(storage, from);
    check_slug(where<&Region::code>(from), "region code", region.code);
    if (auto error = codes.add(region.code))
      problem(where<&Region::code>(from), *error);
    // read_section refused more regions than a RegionIndex can hold.
    m_region_index.emplace(region.code,
                           static_cast<RegionIndex>(storage.regions.size()));
    storage.regions.push_back(region);
  }
}

void Loader::build_types(Storage &storage, const std::vector<Fields> &tables) {
  UniqueSet<> codes("type code", tables.size());
  storage.types.reserve(tables.size());
  for (const auto &from : tables) {
    OfficeType type = fill<OfficeType>(storage, from);
    check_slug(where<&OfficeType::code>(from), "type code", type.code);
    if (auto error = codes.add(type.code))
      problem(where<&OfficeType::code>(from), *error);
    m_type_index.emplace(type.code,
                         static_cast<TypeIndex>(storage.types.size()));
    storage.types.push_back(type);
  }
}

void Loader::build_hosts(Storage &storage, const std::vector<Fields> &tables) {
  storage.hosts.reserve(tables.size());
  for (const auto &from : tables) {
    Host host = fill<Host>(storage, from);
    check_codes(from, host, m_codes);
    storage.hosts.push_back(host);
  }
}

void Loader::build_entries(Storage &storage,
                           const std::vector<Fields> &tables) {
  UniqueSet<FoldedHash, FoldedEqual> names("name", tables.size());
  storage.entries.reserve(tables.size());
  for (const auto &from : tables) {
    Entry entry = fill<Entry>(storage, from);

    check_slug(where<&Entry::id>(from), "id", entry.id);
    if (auto e = m_ids.add(entry.id))
      problem(where<&Entry::id>(from), *e);
    if (entry.name.empty())
      problem(where<&Entry::name>(from), "name must not be empty");
    if (auto e = names.add(entry.name))
      problem(where<&Entry::name>(from),
              "duplicate name '" + std::string(entry.name) + "'");
    if (entry.short_name.empty())
      problem(where<&Entry::short_name>(from), "short_name must not be empty");
    check_codes(from, entry, m_codes);
    check_code_status(from, entry);

    // An entry still marked for review may lack its region: `iom import`
    // does not guess one for a new entry.
    if (text<&Entry::region>(from).empty() && entry.kind != Kind::office &&
        entry.review.empty())
      problem(from.position, "missing field 'region' in entries (only an "
                             "office, or an entry marked for review, may "
                             "have no region)");
    if (entry.kind == Kind::office && entry.host.empty())
      problem(from.position, "missing field 'host' in entries (an office needs "
                             "its host country)");
    if (entry.kind != Kind::office && !entry.host.empty())
      problem(where<&Entry::host>(from), "only an office has a host");
    storage.entries.push_back(entry);
  }
}

// The world's codes are unique among its own rows; they repeat the
// directory's, so they have sets of their own.
void Loader::build_world(Storage &storage, const std::vector<Fields> &tables) {
  CodeSets codes;
  storage.world.reserve(tables.size());
  for (const auto &from : tables) {
    WorldRow row = fill<WorldRow>(storage, from);
    if (row.name.empty())
      problem(where<&WorldRow::name>(from), "name must not be empty");
    check_codes(from, row, codes);
    check_code_status(from, row);
    storage.world.push_back(row);
  }
}

void Loader::check_references(const Storage &storage, const Tables &tables) {
  // Hosts must name an entry's iso2 or a [[hosts]] record; m_codes holds
  // every entry's and every [[hosts]] record's code.
  for (std::size_t i = 0; i < storage.entries.size(); ++i) {
    std::string_view host = storage.entries[i].host;
    if (!host.empty() && !m_codes.iso2s.contains(host))
      problem(where<&Entry::host>(tables.entries[i]),
              "host '" + std::string(host) +
                  "' is neither an entry's iso2 nor a [[hosts]] iso2");
  }
  for (std::size_t i = 0; i < storage.regions.size(); ++i) {
    if (!m_ids.contains(storage.regions[i].office))
      problem(where<&Region::office>(tables.regions[i]),
              "office '" + std::string(storage.regions[i].office) +
                  "' is not an entry id");
  }
}

std::unordered_map<std::string_view, WorldIndex>
index_by_iso3(std::span<const WorldRow> world) {
  std::unordered_map<std::string_view, WorldIndex> rows;
  rows.reserve(world.size());
  for (std::size_t i = 0; i < world.size(); ++i)
    rows.emplace(world[i].iso3, static_cast<WorldIndex>(i));
  return rows;
}

// Each country and territory refers to its world row by iso3, and the row's
// codes must be the entry's: one country is one set of codes. An entry whose
// iso3 is no world row (a made-up code in a --data file) stays unlinked;
// iom-gen requires every built-in one to be linked.
void Loader::link_world(Storage &storage, const Tables &tables,
                        std::span<const WorldRow> world) {
  if (world.size() > k_max_world) {
    problem("too many world rows (" + std::to_string(world.size()) +
            "); a dataset may have at most " + std::to_string(k_max_world));
    return;
  }
  const auto rows = index_by_iso3(world);
  for (std::size_t i = 0; i < storage.entries.size(); ++i) {
    Entry &entry = storage.entries[i];
    if (entry.kind == Kind::office || entry.iso3.empty())
      continue;
    const auto found = rows.find(entry.iso3);
    if (found == rows.end())
      continue;
    const WorldRow &row = world[to_size(found->second)];
    if (row.iso2 != entry.iso2 || row.numeric != entry.numeric)
      problem(where<&Entry::iso3>(tables.entries[i]),
              "codes " + std::string(entry.iso2) + "/" +
                  std::string(entry.iso3) + "/" + std::string(entry.numeric) +
                  " differ from the world table's " + std::string(row.iso2) +
                  "/" + std::string(row.iso3) + "/" + std::string(row.numeric));
    entry.world = found->second;
  }
}

void Loader::check_iso3s(
    toml::source_position at, Strings iso3s,
    const std::unordered_map<std::string_view, WorldIndex> &rows) {
  for (const std::string_view iso3 : iso3s)
    if (!rows.contains(iso3))
      problem(at,
              "iso3 '" + std::string(iso3) + "' is no row of the world table");
}

std::shared_ptr<Storage> Loader::parse(std::string_view text) {
  auto storage = std::make_shared<Storage>();
  if (text.empty()) {
    problem("empty file; expected a dataset like data/iom.toml");
    fail();
  }
  if (const void *nul = std::memchr(text.data(), '\0', text.size())) {
    std::size_t offset = static_cast<const char *>(nul) - text.data();
    std::size_t line = 1, column = 1;
    for (std::size_t i = 0; i < offset; ++i) {
      if (text[i] == '\n') {
        ++line;
        column = 1;
      } else {
        ++column;
      }
    }
    problem(toml::source_position{static_cast<toml::source_index>(line),
                                  static_cast<toml::source_index>(column)},
            "NUL byte: this is a binary file, not TOML");
    fail();
  }
  try {
    storage->root = toml::parse(text, m_name);
  } catch (const toml::parse_error &error) {
    // toml++ may quote a raw newline; a message stays on one line.
    std::string description(error.description());
    for (char &c : description)
      if (c == '\n' || c == '\r')
        c = ' ';
    problem(error.source().begin, description);
    fail();
  }
  return storage;
}

void Loader::refuse_unknown_sections(const toml::table &root,
                                     std::span<const std::string_view> known) {
  for (auto &&[key, node] : root) {
    bool found = false;
    for (std::string_view section : known)
      found = found || section == key.str();
    if (!found)
      problem(key.source().begin,
              "unknown section '" + std::string(key.str()) + "'");
  }
}

std::shared_ptr<Storage> Loader::load(std::string_view text,
                                      std::span<const WorldRow> default_world) {
  auto storage = parse(text);
  refuse_unknown_sections(storage->root, k_sections);
  Tables tables;
  tables.meta = read_section<Meta>(storage->root);
  tables.regions = read_section<Region>(storage->root);
  tables.types = read_section<OfficeType>(storage->root);
  tables.hosts = read_section<Host>(storage->root);
  tables.entries = read_section<Entry>(storage->root);
  // Optional: without it the dataset uses the built-in world.
  if (storage->root.contains(Schema<WorldRow>::section))
    tables.world = read_section<WorldRow>(storage->root);
  if (!m_problems.empty())
    fail();
  build(*storage, tables);
  if (m_problems.empty())
    link_world(*storage, tables,
               storage->world.empty()
                   ? default_world
                   : std::span<const WorldRow>(storage->world));
  if (!m_problems.empty())
    fail();
  storage->origin = std::string(m_name);
  return storage;
}

std::shared_ptr<Storage> Loader::load_world(std::string_view text) {
  auto storage = parse(text);
  constexpr std::string_view k_world_sections[] = {Schema<WorldMeta>::section,
                                                   Schema<WorldRow>::section};
  refuse_unknown_sections(storage->root, k_world_sections);
  std::vector<Fields> meta = read_section<WorldMeta>(storage->root);
  std::vector<Fields> world = read_section<WorldRow>(storage->root);
  if (!m_problems.empty())
    fail();
  storage->list_items.reserve(count_list_items<WorldRow>(world));
  if (!meta.empty())
    m_world_meta = fill<WorldMeta>(*storage, meta.front());
  build_world(*storage, world);
  if (!m_problems.empty())
    fail();
  storage->origin = std::string(m_name);
  return storage;
}

std::shared_ptr<Storage> Loader::load_names(std::string_view text,
                                            std::span<const WorldRow> world) {
  auto storage = parse(text);
  constexpr std::string_view k_name_sections[] = {
      Schema<NamesMeta>::section, Schema<WorldAlias>::section,
      Schema<SharedName>::section, Schema<Confusable>::section};
  refuse_unknown_sections(storage->root, k_name_sections);
  if (storage->root.contains(Schema<NamesMeta>::section))
    read_section<NamesMeta>(storage->root);
  std::vector<Fields> aliases = read_section<WorldAlias>(storage->root);
  std::vector<Fields> shared, confusables;
  if (storage->root.contains(Schema<SharedName>::section))
    shared = read_section<SharedName>(storage->root);
  if (storage->root.contains(Schema<Confusable>::section))
    confusables = read_section<Confusable>(storage->root);
  if (!m_problems.empty())
    fail();
  storage->list_items.reserve(count_list_items<SharedName>(shared));
  const auto rows = index_by_iso3(world);
  constexpr std::string_view k_langs[] = {"en", "fr", "es"};
  for (const auto &from : aliases) {
    WorldAlias alias = fill<WorldAlias>(*storage, from);
    check_iso3s(where<&WorldAlias::iso3>(from), Strings(&alias.iso3, 1), rows);
    if (std::find(std::begin(k_langs), std::end(k_langs), alias.lang) ==
        std::end(k_langs))
      problem(where<&WorldAlias::lang>(from),
              "lang '" + std::string(alias.lang) + "' must be en, fr or es");
    if (alias.source.empty() && alias.field.empty())
      problem(from.position, "an alias needs its source (or iso-codes field)");
    storage->world_aliases.push_back(alias);
  }
  for (const auto &from : shared) {
    SharedName name = fill<SharedName>(*storage, from);
    if (name.iso3s.size() < 2)
      problem(where<&SharedName::iso3s>(from),
              "a shared name needs two or more iso3s");
    check_iso3s(where<&SharedName::iso3s>(from), name.iso3s, rows);
    storage->shared_names.push_back(name);
  }
  for (const auto &from : confusables) {
    Confusable name = fill<Confusable>(*storage, from);
    check_iso3s(where<&Confusable::iso3>(from), Strings(&name.iso3, 1), rows);
    check_iso3s(where<&Confusable::other>(from), Strings(&name.other, 1), rows);
    storage->confusables.push_back(name);
  }
  if (!m_problems.empty())
    fail();
  storage->origin = std::string(m_name);
  return storage;
}

} // namespace

std::string read_file(const std::string &path) {
  auto io_error = [&](const std::string &what) {
    return Error(path + ": " + what);
  };
  // O_NONBLOCK: opening a FIFO with no writer must not hang.
  int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0)
    throw io_error(std::strerror(errno));
  struct stat info {};
  if (::fstat(fd, &info) != 0) {
    int error = errno;
    ::close(fd);
    throw io_error(std::strerror(error));
  }
  if (S_ISDIR(info.st_mode)) {
    ::close(fd);
    throw io_error("is a directory, not a dataset file");
  }
  if (!S_ISREG(info.st_mode)) {
    ::close(fd);
    throw io_error("not a regular file");
  }
  if (static_cast<std::size_t>(info.st_size) > k_max_file_size) {
    ::close(fd);
    throw io_error("file is too large (" + std::to_string(info.st_size) +
                   " bytes; the limit is 256 MiB)");
  }
  std::string text;
  text.resize(static_cast<std::size_t>(info.st_size));
  std::size_t done = 0;
  while (done < text.size()) {
    ssize_t n = ::read(fd, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR)
      continue;
    if (n < 0) {
      int error = errno;
      ::close(fd);
      throw io_error(std::strerror(error));
    }
    if (n == 0)
      break;
    done += static_cast<std::size_t>(n);
  }
  text.resize(done);
  ::close(fd);
  return text;
}

Dataset load_text(std::string_view text, std::string_view display_name,
                  std::span<const WorldRow> default_world) {
  Loader loader(display_name);
  std::shared_ptr<Storage> storage = loader.load(text, default_world);
  Dataset data;
  data.entries = storage->entries;
  data.regions = storage->regions;
  data.types = storage->types;
  data.hosts = storage->hosts;
  data.world = storage->world.empty()
                   ? default_world
                   : std::span<const WorldRow>(storage->world);
  data.meta = loader.meta();
  data.origin = storage->origin;
  data.storage = storage;
  return data;
}

Dataset load_file(const std::string &path,
                  std::span<const WorldRow> default_world) {
  return load_text(read_file(path), path, default_world);
}

World load_world_text(std::string_view text, std::string_view display_name) {
  Loader loader(display_name);
  std::shared_ptr<Storage> storage = loader.load_world(text);
  World world;
  world.rows = storage->world;
  world.meta = loader.world_meta();
  world.storage = storage;
  return world;
}

WorldNames load_world_names_text(std::string_view text,
                                 std::string_view display_name,
                                 std::span<const WorldRow> world) {
  Loader loader(display_name);
  std::shared_ptr<Storage> storage = loader.load_names(text, world);
  WorldNames names;
  names.aliases = storage->world_aliases;
  names.shared = storage->shared_names;
  names.confusables = storage->confusables;
  names.storage = storage;
  return names;
}

} // namespace iom::dataset
