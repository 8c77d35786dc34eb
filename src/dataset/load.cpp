#include "dataset/load.hpp"

#include "dataset/names.hpp"
#include "dataset/toml_guard.hpp" // toml++, with a 3.3.0 bug guarded
#include "util/error.hpp"

#include <array>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <stdexcept>
#include <sys/stat.h>
#include <unistd.h>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace iom::dataset {
namespace {

// More problems than this and the rest are summarised in one line.
constexpr std::size_t k_max_problems = 20;

enum class Type : unsigned char { string, strings };

// One key of one table of the schema.
struct FieldSpec {
  std::string_view name;
  Type type;
  bool required;
  bool identifier; // matched and aligned: control characters are refused
};

constexpr FieldSpec k_meta_fields[] = {
    {"data_version", Type::string, true, true},
    {"captured", Type::string, true, true},
    {"source", Type::string, true, false},
    {"source_note", Type::string, true, false},
    {"claim_countries", Type::string, true, true},
    {"claim_field_offices", Type::string, true, true},
    {"claim_regions", Type::string, true, true},
};

constexpr FieldSpec k_region_fields[] = {
    {"code", Type::string, true, true},   {"name", Type::string, true, true},
    {"office", Type::string, true, true}, {"city", Type::string, true, true},
    {"basis", Type::string, true, true},  {"note", Type::string, false, false},
};

constexpr FieldSpec k_type_fields[] = {
    {"code", Type::string, true, true},
    {"name", Type::string, true, true},
    {"description", Type::string, true, false},
};

constexpr FieldSpec k_host_fields[] = {
    {"iso2", Type::string, true, true},     {"iso3", Type::string, true, true},
    {"numeric", Type::string, true, true},  {"name", Type::string, true, true},
    {"aliases", Type::strings, true, true},
};

constexpr FieldSpec k_entry_fields[] = {
    {"id", Type::string, true, true},
    {"name", Type::string, true, true},
    {"short_name", Type::string, true, true},
    {"kind", Type::string, true, true},
    {"iso2", Type::string, false, true},
    {"iso3", Type::string, false, true},
    {"numeric", Type::string, false, true},
    {"code_status", Type::string, true, true},
    {"region", Type::string, false, true},
    {"region_basis", Type::string, true, true},
    {"region_source", Type::string, true, false},
    {"type", Type::string, true, true},
    {"type_basis", Type::string, true, true},
    {"type_source", Type::string, true, false},
    {"city", Type::string, false, true},
    {"host", Type::string, false, true},
    {"languages", Type::strings, true, true},
    {"aliases", Type::strings, true, true},
    {"sources", Type::strings, true, false},
    {"note", Type::string, false, false},
};

struct Section {
  std::string_view name;
  std::span<const FieldSpec> fields;
  bool is_array; // [[name]] rather than [name]
};

// The most fields a table of the schema has; Fields keeps one slot per field
// and read_fields one bit per field.
constexpr std::size_t k_max_fields = 20;
static_assert(k_max_fields <= 32);
static_assert(std::size(k_meta_fields) <= k_max_fields &&
              std::size(k_region_fields) <= k_max_fields &&
              std::size(k_type_fields) <= k_max_fields &&
              std::size(k_host_fields) <= k_max_fields &&
              std::size(k_entry_fields) <= k_max_fields);

const Section k_sections[] = {
    {"meta", k_meta_fields, false},    {"regions", k_region_fields, true},
    {"types", k_type_fields, true},    {"hosts", k_host_fields, true},
    {"entries", k_entry_fields, true},
};

// Everything a loaded dataset owns. The model's views point into `root`
// (string values) and into the vectors, which are never resized after the
// views are taken.
struct Storage {
  toml::table root;
  std::vector<Entry> entries;
  std::vector<Region> regions;
  std::vector<OfficeType> types;
  std::vector<Host> hosts;
  std::vector<std::string_view> list_items;
  std::string origin;
};

bool is_control(std::string_view text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    auto byte = static_cast<unsigned char>(text[i]);
    if (byte < 0x20 || byte == 0x7f)
      return true;
    // C1 controls, U+0080..U+009F, are encoded C2 80..C2 9F.
    if (byte == 0xc2 && i + 1 < text.size() &&
        static_cast<unsigned char>(text[i + 1]) < 0xa0)
      return true;
  }
  return false;
}

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

// The fields of one table after checking shapes, one slot per field of its
// section (a flat array: a --data file may hold 100,000 tables); missing
// optional fields are empty.
struct Fields {
  const Section *section = nullptr;
  std::array<const toml::node *, k_max_fields> nodes{};
  toml::source_position position;

  // nullptr when the field is absent; a name outside the schema is a bug.
  const toml::node *node(std::string_view key) const {
    for (std::size_t i = 0; i < section->fields.size(); ++i)
      if (section->fields[i].name == key)
        return nodes[i];
    throw std::logic_error("iom: no field '" + std::string(key) + "' in " +
                           std::string(section->name));
  }
  std::string_view text(std::string_view key) const {
    const toml::node *found = node(key);
    return found ? found->as_string()->get() : std::string_view{};
  }
  const toml::array *list(std::string_view key) const {
    const toml::node *found = node(key);
    return found ? found->as_array() : nullptr;
  }
  toml::source_position where(std::string_view key) const {
    const toml::node *found = node(key);
    return found ? found->source().begin : position;
  }
};

class Loader {
public:
  explicit Loader(std::string_view display_name) : m_name(display_name) {}

  std::shared_ptr<Storage> load(std::string_view text);
  const Meta &meta() const { return m_meta; }

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
  [[noreturn]] void fail();

  std::vector<Fields> read_section(const toml::table &root,
                                   const Section &section);
  bool read_fields(const toml::table &table, const Section &section,
                   Fields &out);
  void build(Storage &storage, const std::vector<Fields> &meta,
             const std::vector<Fields> &regions,
             const std::vector<Fields> &types, const std::vector<Fields> &hosts,
             const std::vector<Fields> &entries);
  void keep_list(Storage &storage, const toml::array *array,
                 std::vector<std::pair<std::size_t, std::size_t>> &spans);

  std::string_view m_name;
  std::vector<std::string> m_problems;
  std::size_t m_dropped = 0;
  Meta m_meta{};
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

bool Loader::read_fields(const toml::table &table, const Section &section,
                         Fields &out) {
  bool ok = true;
  out.section = &section;
  out.position = table.source().begin;
  // Present but invalid fields are reported once, not again as missing.
  std::uint32_t present = 0;
  for (auto &&[key, node] : table) {
    const FieldSpec *spec = nullptr;
    std::size_t slot = 0;
    for (; slot < section.fields.size(); ++slot)
      if (section.fields[slot].name == key.str()) {
        spec = &section.fields[slot];
        break;
      }
    if (spec)
      present |= std::uint32_t{1} << slot;
    if (!spec) {
      problem(key.source().begin, "unknown field '" + std::string(key.str()) +
                                      "' in " + std::string(section.name));
      ok = false;
      continue;
    }
    if (spec->type == Type::string) {
      if (!node.is_string()) {
        problem(node.source().begin,
                "field '" + std::string(key.str()) + "' must be a string");
        ok = false;
        continue;
      }
      if (spec->identifier && is_control(node.as_string()->get())) {
        problem(node.source().begin, "field '" + std::string(key.str()) +
                                         "' contains a control character");
        ok = false;
        continue;
      }
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
      for (const auto &item : *array)
        if (spec->identifier && is_control(item.as_string()->get())) {
          problem(item.source().begin, "field '" + std::string(key.str()) +
                                           "' contains a control character");
          ok = false;
        }
    }
    out.nodes[slot] = &node;
  }
  for (std::size_t slot = 0; slot < section.fields.size(); ++slot) {
    const FieldSpec &field = section.fields[slot];
    if (field.required && !(present & (std::uint32_t{1} << slot))) {
      problem(out.position, "missing field '" + std::string(field.name) +
                                "' in " + std::string(section.name));
      ok = false;
    }
  }
  return ok;
}

std::vector<Fields> Loader::read_section(const toml::table &root,
                                         const Section &section) {
  std::vector<Fields> result;
  const toml::node *node = root.get(section.name);
  if (!node) {
    problem(toml::source_position{1, 1},
            "missing section '" + std::string(section.name) + "'");
    return result;
  }
  if (!section.is_array) {
    if (!node->is_table()) {
      problem(node->source().begin,
              "'" + std::string(section.name) + "' must be a table");
      return result;
    }
    Fields fields;
    if (read_fields(*node->as_table(), section, fields))
      result.push_back(std::move(fields));
    return result;
  }
  const toml::array *array = node->as_array();
  if (!array || !array->is_array_of_tables()) {
    problem(node->source().begin, "'" + std::string(section.name) +
                                      "' must be an array of tables ([[" +
                                      std::string(section.name) + "]])");
    return result;
  }
  result.reserve(array->size());
  for (const auto &item : *array) {
    Fields fields;
    if (read_fields(*item.as_table(), section, fields))
      result.push_back(std::move(fields));
  }
  return result;
}

void Loader::keep_list(
    Storage &storage, const toml::array *array,
    std::vector<std::pair<std::size_t, std::size_t>> &spans) {
  std::size_t begin = storage.list_items.size();
  if (array)
    for (const auto &item : *array)
      storage.list_items.push_back(item.as_string()->get());
  spans.emplace_back(begin, storage.list_items.size() - begin);
}

char fold_ascii(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

// Names are compared without regard to ASCII case.
struct FoldedHash {
  std::size_t operator()(std::string_view text) const {
    std::size_t hash = 14695981039346656037ull; // FNV-1a
    for (char c : text)
      hash =
          (hash ^ static_cast<unsigned char>(fold_ascii(c))) * 1099511628211ull;
    return hash;
  }
};
struct FoldedEqual {
  bool operator()(std::string_view a, std::string_view b) const {
    if (a.size() != b.size())
      return false;
    for (std::size_t i = 0; i < a.size(); ++i)
      if (fold_ascii(a[i]) != fold_ascii(b[i]))
        return false;
    return true;
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

void Loader::build(Storage &storage, const std::vector<Fields> &meta,
                   const std::vector<Fields> &regions,
                   const std::vector<Fields> &types,
                   const std::vector<Fields> &hosts,
                   const std::vector<Fields> &entries) {
  if (!meta.empty()) {
    const Fields &m = meta.front();
    Meta &out = m_meta;
    out.data_version = m.text("data_version");
    out.captured = m.text("captured");
    out.source = m.text("source");
    out.source_note = m.text("source_note");
    out.claim_countries = m.text("claim_countries");
    out.claim_field_offices = m.text("claim_field_offices");
    out.claim_regions = m.text("claim_regions");
  }

  UniqueSet<> region_codes("region code", regions.size());
  std::unordered_map<std::string_view, std::int16_t> region_index;
  for (const auto &r : regions) {
    Region region{};
    region.code = r.text("code");
    region.name = r.text("name");
    region.office = r.text("office");
    region.city = r.text("city");
    region.note = r.text("note");
    if (!is_slug(region.code))
      problem(r.where("code"), "region code '" + std::string(region.code) +
                                   "' must be lowercase letters, digits and -");
    if (auto error = region_codes.add(region.code))
      problem(r.where("code"), *error);
    if (auto basis = parse_basis(r.text("basis")))
      region.basis = *basis;
    else
      problem(r.where("basis"), "basis must be sourced, default or inferred");
    region_index.emplace(region.code,
                         static_cast<std::int16_t>(storage.regions.size()));
    storage.regions.push_back(region);
  }

  UniqueSet<> type_codes("type code", types.size());
  std::unordered_map<std::string_view, std::int16_t> type_index;
  for (const auto &t : types) {
    OfficeType type{t.text("code"), t.text("name"), t.text("description")};
    if (!is_slug(type.code))
      problem(t.where("code"), "type code '" + std::string(type.code) +
                                   "' must be lowercase letters, digits and -");
    if (auto error = type_codes.add(type.code))
      problem(t.where("code"), *error);
    type_index.emplace(type.code,
                       static_cast<std::int16_t>(storage.types.size()));
    storage.types.push_back(type);
  }

  // List fields are collected first and their spans fixed up at the end,
  // because list_items may reallocate while it grows.
  std::vector<std::pair<std::size_t, std::size_t>> spans;
  spans.reserve(hosts.size() + 3 * entries.size());
  storage.entries.reserve(entries.size());

  const std::size_t coded = entries.size() + hosts.size();
  UniqueSet<> ids("id", entries.size()), iso2s("iso2", coded),
      iso3s("iso3", coded), numerics("numeric", coded);
  UniqueSet<FoldedHash, FoldedEqual> names("name", entries.size());
  auto check_codes = [&](const Fields &f, std::string_view iso2,
                         std::string_view iso3, std::string_view numeric) {
    if (!iso2.empty() && !all_of_class(iso2, 2, true))
      problem(f.where("iso2"),
              "iso2 '" + std::string(iso2) + "' must be two letters A-Z");
    if (!iso3.empty() && !all_of_class(iso3, 3, true))
      problem(f.where("iso3"),
              "iso3 '" + std::string(iso3) + "' must be three letters A-Z");
    if (!numeric.empty() && !all_of_class(numeric, 3, false))
      problem(f.where("numeric"),
              "numeric '" + std::string(numeric) + "' must be three digits");
    if (auto e = iso2s.add(iso2))
      problem(f.where("iso2"), *e);
    if (auto e = iso3s.add(iso3))
      problem(f.where("iso3"), *e);
    if (auto e = numerics.add(numeric))
      problem(f.where("numeric"), *e);
  };

  for (const auto &h : hosts) {
    Host host{};
    host.iso2 = h.text("iso2");
    host.iso3 = h.text("iso3");
    host.numeric = h.text("numeric");
    host.name = h.text("name");
    check_codes(h, host.iso2, host.iso3, host.numeric);
    keep_list(storage, h.list("aliases"), spans);
    storage.hosts.push_back(host);
  }

  for (const auto &f : entries) {
    Entry entry{};
    entry.id = f.text("id");
    entry.name = f.text("name");
    entry.short_name = f.text("short_name");
    entry.iso2 = f.text("iso2");
    entry.iso3 = f.text("iso3");
    entry.numeric = f.text("numeric");
    entry.region_source = f.text("region_source");
    entry.type_source = f.text("type_source");
    entry.city = f.text("city");
    entry.host = f.text("host");
    entry.note = f.text("note");

    if (!is_slug(entry.id))
      problem(f.where("id"), "id '" + std::string(entry.id) +
                                 "' must be lowercase letters, digits and -");
    if (auto e = ids.add(entry.id))
      problem(f.where("id"), *e);
    if (entry.name.empty())
      problem(f.where("name"), "name must not be empty");
    if (auto e = names.add(entry.name))
      problem(f.where("name"),
              "duplicate name '" + std::string(entry.name) + "'");
    if (entry.short_name.empty())
      problem(f.where("short_name"), "short_name must not be empty");

    if (auto kind = parse_kind(f.text("kind")))
      entry.kind = *kind;
    else
      problem(f.where("kind"), "kind '" + std::string(f.text("kind")) +
                                   "' must be country, territory or office");
    if (auto status = parse_code_status(f.text("code_status")))
      entry.code_status = *status;
    else
      problem(f.where("code_status"),
              "code_status '" + std::string(f.text("code_status")) +
                  "' must be iso, user-assigned or none");
    check_codes(f, entry.iso2, entry.iso3, entry.numeric);

    switch (entry.code_status) {
    case CodeStatus::iso:
      if (entry.iso2.empty() || entry.iso3.empty() || entry.numeric.empty())
        problem(f.position, "code_status iso needs iso2, iso3 and numeric");
      else if (is_user_assigned(entry.iso2) || is_user_assigned(entry.iso3))
        problem(f.where("iso2"), "code '" + std::string(entry.iso2) +
                                     "' is user-assigned, not ISO");
      break;
    case CodeStatus::user_assigned:
      if (entry.iso2.empty() || entry.iso3.empty())
        problem(f.position, "code_status user-assigned needs iso2 and iso3");
      else if (!is_user_assigned(entry.iso2) || !is_user_assigned(entry.iso3))
        problem(
            f.where("iso2"),
            "codes '" + std::string(entry.iso2) + "'/'" +
                std::string(entry.iso3) +
                "' are not in a user-assigned range (AA, QM-QZ, XA-XZ, ZZ)");
      break;
    case CodeStatus::none:
      if (!entry.iso2.empty() || !entry.iso3.empty() || !entry.numeric.empty())
        problem(f.where("iso2"), "code_status none allows no codes");
      break;
    }

    std::string_view region = f.text("region");
    entry.region = k_no_index;
    if (!region.empty()) {
      auto it = region_index.find(region);
      if (it == region_index.end())
        problem(f.where("region"),
                "region '" + std::string(region) + "' does not exist");
      else
        entry.region = it->second;
    } else if (entry.kind != Kind::office) {
      problem(f.position, "missing field 'region' in entries (only an office "
                          "may have no region)");
    }
    std::string_view type = f.text("type");
    auto type_it = type_index.find(type);
    if (type_it == type_index.end())
      problem(f.where("type"),
              "type '" + std::string(type) + "' does not exist");
    else
      entry.type = type_it->second;

    if (auto basis = parse_basis(f.text("region_basis")))
      entry.region_basis = *basis;
    else
      problem(f.where("region_basis"),
              "region_basis must be sourced, default or inferred");
    if (auto basis = parse_basis(f.text("type_basis")))
      entry.type_basis = *basis;
    else
      problem(f.where("type_basis"),
              "type_basis must be sourced, default or inferred");

    if (entry.kind == Kind::office && entry.host.empty())
      problem(f.position, "missing field 'host' in entries (an office needs "
                          "its host country)");
    if (entry.kind != Kind::office && !entry.host.empty())
      problem(f.where("host"), "only an office has a host");

    keep_list(storage, f.list("languages"), spans);
    keep_list(storage, f.list("aliases"), spans);
    keep_list(storage, f.list("sources"), spans);
    storage.entries.push_back(entry);
  }

  // Hosts must name an entry's iso2 or a [[hosts]] record.
  for (std::size_t i = 0; i < storage.entries.size(); ++i) {
    std::string_view host = storage.entries[i].host;
    if (host.empty())
      continue;
    // iso2s already holds every entry's and every [[hosts]] record's code.
    if (!iso2s.contains(host))
      problem(entries[i].where("host"),
              "host '" + std::string(host) +
                  "' is neither an entry's iso2 nor a [[hosts]] iso2");
  }
  for (std::size_t i = 0; i < storage.regions.size(); ++i) {
    if (!ids.contains(storage.regions[i].office))
      problem(regions[i].where("office"),
              "office '" + std::string(storage.regions[i].office) +
                  "' is not an entry id");
  }

  // Fix up list spans now that list_items no longer moves.
  std::size_t next = 0;
  auto take = [&]() {
    auto [begin, count] = spans[next++];
    return Strings(storage.list_items.data() + begin, count);
  };
  for (auto &host : storage.hosts)
    host.aliases = take();
  for (auto &entry : storage.entries) {
    entry.languages = take();
    entry.aliases = take();
    entry.sources = take();
  }
}

std::shared_ptr<Storage> Loader::load(std::string_view text) {
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

  for (auto &&[key, node] : storage->root) {
    bool known = false;
    for (const auto &section : k_sections)
      known = known || section.name == key.str();
    if (!known)
      problem(key.source().begin,
              "unknown section '" + std::string(key.str()) + "'");
  }
  std::vector<Fields> sections[std::size(k_sections)];
  for (std::size_t i = 0; i < std::size(k_sections); ++i)
    sections[i] = read_section(storage->root, k_sections[i]);
  if (!m_problems.empty())
    fail();
  build(*storage, sections[0], sections[1], sections[2], sections[3],
        sections[4]);
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

Dataset load_text(std::string_view text, std::string_view display_name) {
  Loader loader(display_name);
  std::shared_ptr<Storage> storage = loader.load(text);
  Dataset data;
  data.entries = storage->entries;
  data.regions = storage->regions;
  data.types = storage->types;
  data.hosts = storage->hosts;
  data.meta = loader.meta();
  data.origin = storage->origin;
  data.storage = storage;
  return data;
}

Dataset load_file(const std::string &path) {
  return load_text(read_file(path), path);
}

} // namespace iom::dataset
