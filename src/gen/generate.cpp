// iom-gen: the build-time step that validates data/iom.toml with the same
// loader the binary uses at run time, and writes it out as constant-initialised
// C++ tables (with the normalised lookup keys already sorted), so that the
// binary parses nothing at start-up.
//
// usage: iom-gen INPUT DISPLAY_NAME OUTPUT

#include "dataset/load.hpp"
#include "dataset/names.hpp"
#include "query/keys.hpp"
#include "util/error.hpp"

#include <cstdio>
#include <fstream>
#include <string>

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

class Writer {
public:
  std::string list(iom::Strings items) {
    if (items.empty())
      return "Strings()";
    std::string name = "k_list_" + std::to_string(m_lists++);
    m_out += "constexpr std::string_view " + name + "[] = {";
    for (std::size_t i = 0; i < items.size(); ++i)
      m_out += (i ? ", " : "") + literal(items[i]);
    m_out += "};\n";
    return "Strings(" + name + ")";
  }
  std::string &out() { return m_out; }

private:
  std::string m_out;
  int m_lists = 0;
};

std::string enum_value(std::string_view type, std::string_view value) {
  return std::string(type) + "::" + std::string(value);
}

std::string kind_value(Kind kind) {
  switch (kind) {
  case Kind::country:
    return "Kind::country";
  case Kind::territory:
    return "Kind::territory";
  case Kind::office:
    return "Kind::office";
  }
  return {};
}
std::string basis_value(Basis basis) {
  switch (basis) {
  case Basis::sourced:
    return "Basis::sourced";
  case Basis::assumed:
    return "Basis::assumed";
  case Basis::inferred:
    return "Basis::inferred";
  }
  return {};
}
std::string status_value(CodeStatus status) {
  switch (status) {
  case CodeStatus::iso:
    return "CodeStatus::iso";
  case CodeStatus::user_assigned:
    return "CodeStatus::user_assigned";
  case CodeStatus::none:
    return "CodeStatus::none";
  }
  return {};
}
std::string key_kind_value(KeyKind kind) {
  constexpr std::string_view k_names[] = {"name", "short_name", "alias",
                                          "iso2", "iso3",       "numeric",
                                          "id"};
  return enum_value("KeyKind", k_names[static_cast<std::size_t>(kind)]);
}

std::string generate(const Dataset &data) {
  Writer w;
  std::string &o = w.out();
  o += "// Generated from data/iom.toml by iom-gen. Do not edit.\n"
       "#include \"dataset/builtin.hpp\"\n\n"
       "namespace iom::dataset {\nnamespace {\n"
       "using namespace std::string_view_literals;\n\n";

  std::string regions = "constexpr Region k_regions[] = {\n";
  for (const auto &r : data.regions)
    regions += "    {" + literal(r.code) + ", " + literal(r.name) + ", " +
               literal(r.office) + ", " + literal(r.city) + ", " +
               basis_value(r.basis) + ", " + literal(r.note) + "},\n";
  o += regions + "};\n\n";

  std::string types = "constexpr OfficeType k_types[] = {\n";
  for (const auto &t : data.types)
    types += "    {" + literal(t.code) + ", " + literal(t.name) + ", " +
             literal(t.description) + "},\n";
  o += types + "};\n\n";

  std::string hosts = "constexpr Host k_hosts[] = {\n";
  for (const auto &h : data.hosts) {
    std::string aliases = w.list(h.aliases);
    hosts += "    {" + literal(h.iso2) + ", " + literal(h.iso3) + ", " +
             literal(h.numeric) + ", " + literal(h.name) + ", " + aliases +
             "},\n";
  }
  o += "\n";
  std::string entries = "constexpr Entry k_entries[] = {\n";
  for (const auto &e : data.entries) {
    std::string languages = w.list(e.languages);
    std::string aliases = w.list(e.aliases);
    std::string sources = w.list(e.sources);
    entries += "    {.id = " + literal(e.id) + ",\n     .name = " +
               literal(e.name) + ",\n     .short_name = " +
               literal(e.short_name) + ",\n     .kind = " + kind_value(e.kind) +
               ",\n     .iso2 = " + literal(e.iso2) + ",\n     .iso3 = " +
               literal(e.iso3) + ",\n     .numeric = " + literal(e.numeric) +
               ",\n     .code_status = " + status_value(e.code_status) +
               ",\n     .region = " + std::to_string(e.region) +
               ",\n     .region_basis = " + basis_value(e.region_basis) +
               ",\n     .region_source = " + literal(e.region_source) +
               ",\n     .type = " + std::to_string(e.type) +
               ",\n     .type_basis = " + basis_value(e.type_basis) +
               ",\n     .type_source = " + literal(e.type_source) +
               ",\n     .city = " + literal(e.city) + ",\n     .host = " +
               literal(e.host) + ",\n     .languages = " + languages +
               ",\n     .aliases = " + aliases + ",\n     .sources = " +
               sources + ",\n     .note = " + literal(e.note) + "},\n";
  }
  o += "\n" + hosts + "};\n\n" + entries + "};\n\n";

  o += "constexpr Key k_keys[] = {\n";
  for (const auto &key : query::build_keys(data.entries))
    o += "    {" + literal(key.key) + ", " + std::to_string(key.entry) + ", " +
         key_kind_value(key.kind) + "},\n";
  o += "};\n\n";

  const Meta &m = data.meta;
  o += "constinit const Dataset k_builtin{\n"
       "    .entries = k_entries,\n    .regions = k_regions,\n"
       "    .types = k_types,\n";
  o += data.hosts.empty() ? "    .hosts = {},\n" : "    .hosts = k_hosts,\n";
  o += "    .meta = {" + literal(m.data_version) + ", " + literal(m.captured) +
       ", " + literal(m.source) + ", " + literal(m.source_note) + ", " +
       literal(m.claim_countries) + ", " + literal(m.claim_field_offices) +
       ", " + literal(m.claim_regions) + "},\n";
  o += "    .keys = k_keys,\n    .origin = \"built-in\"sv,\n    .storage = {},\n"
       "    .key_storage = {},\n};\n\n"
       "} // namespace\n\n"
       "const Dataset &builtin() { return k_builtin; }\n\n"
       "} // namespace iom::dataset\n";
  return o;
}

} // namespace

int main(int argc, char **argv) {
  if (argc != 4) {
    std::fprintf(stderr, "usage: iom-gen INPUT DISPLAY_NAME OUTPUT\n");
    return 2;
  }
  try {
    // Messages name the file as the user knows it (data/iom.toml), not by
    // the build's absolute path.
    iom::Dataset data = iom::dataset::load_text(
        iom::dataset::read_file(argv[1]), argv[2]);
    std::string text = generate(data);
    std::ofstream out(argv[3], std::ios::binary | std::ios::trunc);
    out << text;
    out.close();
    if (!out) {
      std::fprintf(stderr, "iom-gen: cannot write %s\n", argv[3]);
      return 2;
    }
  } catch (const iom::Error &error) {
    std::fprintf(stderr, "%s\n", error.what());
    return 1;
  }
  return 0;
}
