#include "cli/fields.hpp"

#include "dataset/names.hpp"
#include "util/error.hpp"
#include "util/text.hpp"

namespace iom::cli {
namespace {

using render::Cell;

void set(Cell &cell, std::string_view text) { cell.text.assign(text); }

void set_list(Cell &cell, Strings items) {
  cell.text.clear();
  cell.items.assign(items.begin(), items.end());
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0)
      cell.text += "; ";
    cell.text += items[i];
  }
}

// Provenance that is not sourced is shown dimmed: a reader must always be able
// to tell a sourced fact from an assumption.
void dim_unless_sourced(Cell &cell, Basis basis) {
  cell.emphasis =
      basis == Basis::sourced ? render::Emphasis::none : render::Emphasis::dim;
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

constexpr Field k_fields[] = {
    {"id", "ID", "stable identifier (lowercase, hyphenated)", false,
     [](const Dataset &, const Entry &e, Cell &c) { set(c, e.id); }},
    {"name", "NAME", "directory name, as IOM lists it", false,
     [](const Dataset &, const Entry &e, Cell &c) { set(c, e.name); }},
    {"short_name", "SHORT NAME", "common English name", false,
     [](const Dataset &, const Entry &e, Cell &c) { set(c, e.short_name); }},
    {"kind", "KIND", "country, territory or office", false,
     [](const Dataset &, const Entry &e, Cell &c) {
       set(c, dataset::to_string(e.kind));
     }},
    {"iso2", "ISO2", "ISO 3166-1 alpha-2 code (user-assigned for Kosovo)",
     false, [](const Dataset &, const Entry &e, Cell &c) { set(c, e.iso2); }},
    {"iso3", "ISO3", "ISO 3166-1 alpha-3 code (user-assigned for Kosovo)",
     false, [](const Dataset &, const Entry &e, Cell &c) { set(c, e.iso3); }},
    {"numeric", "NUMERIC", "ISO 3166-1 numeric code, three digits", false,
     [](const Dataset &, const Entry &e, Cell &c) { set(c, e.numeric); }},
    {"code_status", "CODES", "iso, user-assigned or none", false,
     [](const Dataset &, const Entry &e, Cell &c) {
       set(c, dataset::to_string(e.code_status));
       if (e.code_status == CodeStatus::user_assigned)
         c.emphasis = render::Emphasis::dim;
     }},
    {"flag", "FLAG", "flag emoji made from the alpha-2 code", false,
     [](const Dataset &, const Entry &e, Cell &c) {
       c.text = e.kind == Kind::office ? std::string() : flag_of(e.iso2);
     }},
    {"region", "REGION", "region code (see `iom regions`)", false,
     [](const Dataset &d, const Entry &e, Cell &c) {
       const Region *r = region_of(d, e);
       set(c, r ? r->code : std::string_view());
       dim_unless_sourced(c, e.region_basis);
     }},
    {"region_name", "REGION NAME", "region name", false,
     [](const Dataset &d, const Entry &e, Cell &c) {
       const Region *r = region_of(d, e);
       set(c, r ? r->name : std::string_view());
       dim_unless_sourced(c, e.region_basis);
     }},
    {"region_basis", "REGION BASIS",
     "how the region is known: sourced, default or inferred", false,
     [](const Dataset &, const Entry &e, Cell &c) {
       set(c, dataset::to_string(e.region_basis));
       dim_unless_sourced(c, e.region_basis);
     }},
    {"region_source", "REGION SOURCE", "the source or reasoning for the region",
     false,
     [](const Dataset &, const Entry &e, Cell &c) { set(c, e.region_source); }},
    {"type", "TYPE", "office type code (see `iom types`)", false,
     [](const Dataset &d, const Entry &e, Cell &c) {
       set(c, type_of(d, e).code);
       dim_unless_sourced(c, e.type_basis);
     }},
    {"type_name", "TYPE NAME", "office type name", false,
     [](const Dataset &d, const Entry &e, Cell &c) {
       set(c, type_of(d, e).name);
       dim_unless_sourced(c, e.type_basis);
     }},
    {"type_basis", "TYPE BASIS",
     "how the office type is known: sourced, default or inferred", false,
     [](const Dataset &, const Entry &e, Cell &c) {
       set(c, dataset::to_string(e.type_basis));
       dim_unless_sourced(c, e.type_basis);
     }},
    {"type_source", "TYPE SOURCE", "the source or reasoning for the type",
     false,
     [](const Dataset &, const Entry &e, Cell &c) { set(c, e.type_source); }},
    {"city", "CITY", "city of the office, where a source gives it", false,
     [](const Dataset &, const Entry &e, Cell &c) { set(c, e.city); }},
    {"host", "HOST", "ISO alpha-2 of the host country", false,
     [](const Dataset &, const Entry &e, Cell &c) {
       set(c, e.kind == Kind::office ? e.host : e.iso2);
     }},
    {"host_name", "HOST NAME", "name of the host country", false,
     [](const Dataset &d, const Entry &e, Cell &c) {
       set(c, e.kind == Kind::office ? host_name(d, e.host) : e.short_name);
     }},
    {"languages", "LANGUAGES", "site-language codes of the directory entry",
     true, [](const Dataset &, const Entry &e, Cell &c) {
       set_list(c, e.languages);
     }},
    {"aliases", "ALIASES", "former names, exonyms and common short forms", true,
     [](const Dataset &, const Entry &e, Cell &c) { set_list(c, e.aliases); }},
    {"sources", "SOURCES", "URLs of the sources of region and type", true,
     [](const Dataset &, const Entry &e, Cell &c) { set_list(c, e.sources); }},
    {"note", "NOTE", "notes on hard cases and conflicts", false,
     [](const Dataset &, const Entry &e, Cell &c) { set(c, e.note); }},
};

} // namespace

std::span<const Field> all_fields() { return k_fields; }

const Field *find_field(std::string_view name) {
  for (const auto &field : k_fields)
    if (field.name == name)
      return &field;
  return nullptr;
}

std::vector<const Field *> parse_fields(std::string_view list) {
  std::vector<const Field *> result;
  if (list == "all") {
    for (const auto &field : k_fields)
      result.push_back(&field);
    return result;
  }
  for (std::string_view name : util::split_commas(list)) {
    const Field *field = find_field(name);
    if (!field) {
      std::string message = name.empty()
                                ? std::string("empty field name in --fields")
                                : "unknown field '" + std::string(name) + "'";
      message += "; valid fields: all";
      for (const auto &f : k_fields)
        message += ", " + std::string(f.name);
      throw Error(message);
    }
    result.push_back(field);
  }
  return result;
}

void fill_row(const Dataset &data, const Entry &entry,
              std::span<const Field *const> fields,
              std::vector<render::Cell> &row) {
  row.resize(fields.size());
  for (std::size_t i = 0; i < fields.size(); ++i) {
    // Reused cells keep their capacity but none of their old value.
    render::Cell &cell = row[i];
    cell.text.clear();
    cell.items.clear();
    cell.emphasis = render::Emphasis::none;
    fields[i]->get(data, entry, cell);
  }
}

std::vector<render::Column> make_columns(std::span<const Field *const> fields) {
  std::vector<render::Column> columns;
  for (const Field *field : fields)
    columns.push_back({std::string(field->name), std::string(field->header),
                       field->is_list, false});
  return columns;
}

render::Rows make_rows(const Dataset &data,
                       std::span<const EntryIndex> entries,
                       std::span<const Field *const> fields) {
  render::Rows rows;
  rows.columns = make_columns(fields);
  rows.cells.reserve(entries.size());
  for (EntryIndex index : entries)
    fill_row(data, data.entries[index], fields, rows.cells.emplace_back());
  return rows;
}

std::string field_text(const Dataset &data, const Entry &entry,
                       const Field &field) {
  render::Cell cell;
  field.get(data, entry, cell);
  return cell.text;
}

std::string flag_of(std::string_view iso2) {
  std::string flag;
  if (iso2.size() != 2)
    return flag;
  for (char c : iso2) {
    if (c < 'A' || c > 'Z')
      return {};
    // U+1F1E6 REGIONAL INDICATOR SYMBOL LETTER A + offset, as UTF-8.
    unsigned code = 0x1F1E6 + static_cast<unsigned>(c - 'A');
    flag += static_cast<char>(0xF0);
    flag += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
    flag += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
    flag += static_cast<char>(0x80 | (code & 0x3F));
  }
  return flag;
}

} // namespace iom::cli
