#include "render/changes.hpp"

namespace iom::render {
namespace {

using T = SortKind;

void set(Cell &cell, std::string_view text) { cell.text.assign(text); }

constexpr Field<Change> k_change_fields[] = {
    {"section", "SECTION", "the part of the data: entries, regions, ...",
     "#meta+section", T::text, false, false,
     [](const Change &r, auto, Cell &c) { set(c, r.section); }},
    {"key", "KEY", "the item's id or code (in the newer data)", "#meta+id",
     T::text, false, false,
     [](const Change &r, auto, Cell &c) { set(c, r.key); }},
    {"change", "CHANGE", "added, removed, renamed or changed", "#meta+change",
     T::text, false, false,
     [](const Change &r, auto, Cell &c) { set(c, to_string(r.kind)); }},
    {"field", "FIELD", "the field that changed; empty for a whole item",
     "#meta+field", T::text, false, false,
     [](const Change &r, auto, Cell &c) { set(c, r.field); }},
    {"old", "OLD", "the value before", "#meta+value+old", T::text, false, false,
     [](const Change &r, auto, Cell &c) { set(c, r.old_value); }},
    {"new", "NEW", "the value after", "#meta+value+new", T::text, false, false,
     [](const Change &r, auto, Cell &c) { set(c, r.new_value); }},
};

} // namespace

std::string_view to_string(ChangeKind kind) {
  switch (kind) {
  case ChangeKind::added:
    return "added";
  case ChangeKind::removed:
    return "removed";
  case ChangeKind::renamed:
    return "renamed";
  case ChangeKind::changed:
    break;
  }
  return "changed";
}

std::span<const Field<Change>> change_fields() { return k_change_fields; }

} // namespace iom::render
