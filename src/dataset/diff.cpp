#include "dataset/diff.hpp"

#include "dataset/names.hpp"
#include "dataset/schema.hpp"

#include <string>
#include <string_view>
#include <type_traits>
#include <unordered_map>
#include <variant>

namespace iom::dataset {
namespace {

std::string spell(const Dataset &, std::string_view value) {
  return std::string(value);
}
std::string spell(const Dataset &, Strings values) {
  std::string out;
  for (std::string_view value : values)
    out += (out.empty() ? "" : ", ") + std::string(value);
  return out;
}
std::string spell(const Dataset &, bool value) {
  return value ? "true" : "false";
}
std::string spell(const Dataset &data, RegionIndex region) {
  return region == k_no_region
             ? std::string()
             : std::string(data.regions[to_size(region)].code);
}
std::string spell(const Dataset &data, TypeIndex type) {
  return std::string(data.types[to_size(type)].code);
}
template <typename Enum>
requires std::is_enum_v<Enum> std::string spell(const Dataset &, Enum value) {
  return std::string(to_string(value));
}

// How a whole item added or removed is named in the list.
std::string title(const Region &r) { return std::string(r.name); }
std::string title(const OfficeType &t) { return std::string(t.name); }
std::string title(const Host &h) { return std::string(h.name); }
std::string title(const Entry &e) { return std::string(e.name); }
std::string key_of(const Region &r) { return std::string(r.code); }
std::string key_of(const OfficeType &t) { return std::string(t.code); }
std::string key_of(const Host &h) { return std::string(h.iso2); }
std::string key_of(const Entry &e) { return std::string(e.id); }

// The field changes of one item, skipping `skip` (the id of a rename, which
// has its own row).
template <typename Struct>
void compare(std::vector<Change> &out, const Dataset &before,
             const Struct &old_item, const Dataset &after,
             const Struct &new_item, const std::string &key,
             std::string_view skip = {}) {
  const auto &fields = Schema<Struct>::fields;
  for (std::size_t slot = 0; slot < std::size(fields); ++slot) {
    if (fields[slot].name == skip)
      continue;
    std::string old_value = spelled_value(before, old_item, slot);
    std::string new_value = spelled_value(after, new_item, slot);
    if (old_value != new_value)
      out.push_back({std::string(Schema<Struct>::section), key,
                     ChangeKind::changed, std::string(fields[slot].name),
                     std::move(old_value), std::move(new_value)});
  }
}

template <typename Struct>
void compare_section(std::vector<Change> &out, const Dataset &before,
                     std::span<const Struct> old_items, const Dataset &after,
                     std::span<const Struct> new_items) {
  const std::string section(Schema<Struct>::section);
  std::unordered_map<std::string, const Struct *> old_by_key;
  for (const Struct &item : old_items)
    old_by_key.emplace(key_of(item), &item);
  std::unordered_map<std::string, const Struct *> new_by_key;
  for (const Struct &item : new_items)
    new_by_key.emplace(key_of(item), &item);

  // Renames: an entry gone by id whose code comes back under a new id.
  std::unordered_map<const Struct *, const Struct *> renamed_from;
  if constexpr (std::is_same_v<Struct, Entry>) {
    std::unordered_map<std::string, const Entry *> gone_by_code;
    for (const Entry &item : old_items)
      if (!new_by_key.contains(key_of(item)))
        for (std::string_view code : {item.iso3, item.iso2, item.numeric})
          if (!code.empty())
            gone_by_code.emplace(std::string(code), &item);
    for (const Entry &item : new_items) {
      if (old_by_key.contains(key_of(item)))
        continue;
      for (std::string_view code : {item.iso3, item.iso2, item.numeric}) {
        auto found = code.empty() ? gone_by_code.end()
                                  : gone_by_code.find(std::string(code));
        if (found != gone_by_code.end()) {
          renamed_from[&item] = found->second;
          // One old entry is renamed once.
          const Entry *old_entry = found->second;
          std::erase_if(gone_by_code,
                        [&](const auto &kv) { return kv.second == old_entry; });
          break;
        }
      }
    }
  }
  std::unordered_map<const Struct *, bool> matched;
  for (const Struct &item : new_items) {
    const std::string key = key_of(item);
    if (auto found = old_by_key.find(key); found != old_by_key.end()) {
      matched[found->second] = true;
      compare(out, before, *found->second, after, item, key);
    } else if (auto from = renamed_from.find(&item);
               from != renamed_from.end()) {
      matched[from->second] = true;
      out.push_back({section, key, ChangeKind::renamed, "id",
                     key_of(*from->second), key});
      compare(out, before, *from->second, after, item, key, "id");
    } else {
      out.push_back({section, key, ChangeKind::added, "", "", title(item)});
    }
  }
  for (const Struct &item : old_items)
    if (!matched.contains(&item))
      out.push_back(
          {section, key_of(item), ChangeKind::removed, "", title(item), ""});
}

} // namespace

template <typename Struct>
std::string spelled_value(const Dataset &data, const Struct &item,
                          std::size_t slot) {
  return std::visit([&](auto member) { return spell(data, item.*member); },
                    Schema<Struct>::fields[slot].member);
}

template std::string spelled_value(const Dataset &, const Meta &, std::size_t);
template std::string spelled_value(const Dataset &, const Region &,
                                   std::size_t);
template std::string spelled_value(const Dataset &, const OfficeType &,
                                   std::size_t);
template std::string spelled_value(const Dataset &, const Host &, std::size_t);
template std::string spelled_value(const Dataset &, const Entry &, std::size_t);

std::vector<Change> diff(const Dataset &before, const Dataset &after) {
  std::vector<Change> out;
  compare(out, before, before.meta, after, after.meta, "meta");
  compare_section(out, before, before.regions, after, after.regions);
  compare_section(out, before, before.types, after, after.types);
  compare_section(out, before, before.hosts, after, after.hosts);
  compare_section(out, before, before.entries, after, after.entries);
  return out;
}

} // namespace iom::dataset
