#include "dataset/write.hpp"

#include "dataset/names.hpp"
#include "dataset/schema.hpp"

#include <cstdio>
#include <type_traits>
#include <variant>

namespace iom::dataset {
namespace {

// A TOML basic string: quotes, backslashes and control characters escaped;
// every other byte (UTF-8 included) as it is.
void quote(std::string &out, std::string_view text) {
  out += '"';
  for (unsigned char c : text) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c < 0x20 || c == 0x7f) {
      char escaped[8];
      std::snprintf(escaped, sizeof escaped, "\\u%04X", c);
      out += escaped;
    } else {
      out += static_cast<char>(c);
    }
  }
  out += '"';
}

struct Writer {
  const Dataset &data;
  std::string &out;

  void key(std::string_view name) {
    out += name;
    out += " = ";
  }
  void value(std::string_view name, std::string_view text, bool required) {
    if (text.empty() && !required)
      return;
    key(name);
    quote(out, text);
    out += '\n';
  }
  void value(std::string_view name, Strings items, bool required) {
    if (items.empty() && !required)
      return;
    key(name);
    out += '[';
    for (std::size_t i = 0; i < items.size(); ++i) {
      if (i)
        out += ", ";
      quote(out, items[i]);
    }
    out += "]\n";
  }
  void value(std::string_view name, bool flag, bool) {
    key(name);
    out += flag ? "true\n" : "false\n";
  }
  void value(std::string_view name, RegionIndex region, bool required) {
    value(name,
          region == k_no_region ? std::string_view{}
                                : data.regions[to_size(region)].code,
          required);
  }
  void value(std::string_view name, TypeIndex type, bool required) {
    value(name, data.types[to_size(type)].code, required);
  }
  template <typename Enum>
  requires std::is_enum_v<Enum>
  void value(std::string_view name, Enum member, bool) {
    value(name, to_string(member), true);
  }

  template <typename Struct> void table(const Struct &item) {
    out += Schema<Struct>::is_array
               ? "\n[[" + std::string(Schema<Struct>::section) + "]]\n"
               : "\n[" + std::string(Schema<Struct>::section) + "]\n";
    for (const auto &field : Schema<Struct>::fields)
      std::visit(
          [&](auto member) { value(field.name, item.*member, field.required); },
          field.member);
  }
};

} // namespace

std::string to_toml(const Dataset &data, std::string_view header) {
  std::string out;
  while (!header.empty()) {
    std::size_t end = header.find('\n');
    std::string_view line = header.substr(0, end);
    out += line.empty() ? "#\n" : "# " + std::string(line) + "\n";
    header.remove_prefix(end == header.npos ? header.size() : end + 1);
  }
  Writer writer{data, out};
  writer.table(data.meta);
  for (const Region &region : data.regions)
    writer.table(region);
  for (const OfficeType &type : data.types)
    writer.table(type);
  for (const Host &host : data.hosts)
    writer.table(host);
  for (const Entry &entry : data.entries)
    writer.table(entry);
  return out;
}

} // namespace iom::dataset
