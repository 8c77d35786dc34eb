// iom-gen: the build-time step that validates data/iom.toml and
// data/world.toml with the same loader the binary uses at run time, and
// writes them out as constant-initialised C++ tables (with the normalised
// lookup keys already sorted), so that the binary parses nothing at start-up.
//
// usage: iom-gen INPUT DISPLAY_NAME WORLD_INPUT WORLD_DISPLAY_NAME OUTPUT

#include "dataset/load.hpp"
#include "dataset/names.hpp"
#include "dataset/schema.hpp"
#include "query/keys.hpp"
#include "util/error.hpp"

#include <cstdio>
#include <fstream>
#include <span>
#include <string>
#include <variant>

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

std::string generate(const Dataset &data, const dataset::World &world) {
  Writer w;
  std::string tables =
      table(w, "Region k_regions", data.regions) +
      table(w, "OfficeType k_types", data.types) +
      (data.hosts.empty() ? std::string()
                          : table(w, "Host k_hosts", data.hosts)) +
      table(w, "Entry k_entries", data.entries) +
      table(w, "WorldRow k_world", world.rows);
  std::string o = "// Generated from data/iom.toml and data/world.toml by "
                  "iom-gen. Do not edit.\n"
                  "#include \"dataset/builtin.hpp\"\n"
                  "#include \"dataset/names.hpp\"\n\n"
                  "namespace iom::dataset {\nnamespace {\n"
                  "using namespace std::string_view_literals;\n\n";
  o += w.lists() + "\n" + tables;

  o += "constexpr Key k_keys[] = {\n";
  for (const auto &key : query::build_keys(data.entries))
    o += "    {.key = " + literal(key.key) +
         ", .entry = " + std::to_string(key.entry) +
         ", .kind = " + key_kind_value(key.kind) + "},\n";
  o += "};\n\n";

  o += "constinit const Dataset k_builtin{\n"
       "    .entries = k_entries,\n    .regions = k_regions,\n"
       "    .types = k_types,\n";
  o += data.hosts.empty() ? "    .hosts = {},\n" : "    .hosts = k_hosts,\n";
  o += "    .world = k_world,\n";
  o += "    .meta = " + w.initialiser(data.meta, "             ") + ",\n";
  o +=
      "    .keys = k_keys,\n    .origin = \"built-in\"sv,\n    .storage = {},\n"
      "    .key_storage = {},\n};\n\n"
      "} // namespace\n\n"
      "const Dataset &builtin() { return k_builtin; }\n\n"
      "} // namespace iom::dataset\n";
  return o;
}

} // namespace

int main(int argc, char **argv) {
  if (argc != 6) {
    std::fprintf(stderr, "usage: iom-gen INPUT DISPLAY_NAME WORLD_INPUT "
                         "WORLD_DISPLAY_NAME OUTPUT\n");
    return 2;
  }
  try {
    // Messages name the file as the user knows it (data/iom.toml), not by
    // the build's absolute path.
    iom::Dataset data =
        iom::dataset::load_text(iom::dataset::read_file(argv[1]), argv[2]);
    // The built-in world comes from its own file, not from iom.toml.
    if (!data.world.empty())
      throw iom::Error(std::string(argv[2]) +
                       ": the built-in world is data/world.toml's; "
                       "no [[world]] here");
    iom::dataset::World world = iom::dataset::load_world_text(
        iom::dataset::read_file(argv[3]), argv[4]);
    std::string text = generate(data, world);
    std::ofstream out(argv[5], std::ios::binary | std::ios::trunc);
    out << text;
    out.close();
    if (!out) {
      std::fprintf(stderr, "iom-gen: cannot write %s\n", argv[5]);
      return 2;
    }
  } catch (const iom::Error &error) {
    std::fprintf(stderr, "%s\n", error.what());
    return 1;
  }
  return 0;
}
