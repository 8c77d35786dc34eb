#include "cli/changes.hpp"

#include "cli/emit.hpp"
#include "render/changes.hpp"
#include "util/error.hpp"

#include <fmt/format.h>

namespace iom::cli {
namespace changes_cpp {
namespace {

std::string summary(const std::vector<Change> &changes) {
  std::size_t counts[4] = {};
  for (const Change &change : changes)
    counts[static_cast<std::size_t>(change.kind)]++;
  std::string out;
  const ChangeKind kinds[] = {ChangeKind::added, ChangeKind::removed,
                              ChangeKind::renamed, ChangeKind::changed};
  for (ChangeKind kind : kinds)
    if (std::size_t n = counts[static_cast<std::size_t>(kind)])
      out += fmt::format("{}{} {}", out.empty() ? "" : ", ", n,
                         kind == ChangeKind::changed ? "fields changed"
                                                     : render::to_string(kind));
  return out;
}

} // namespace
} // namespace changes_cpp

int emit_changes(Context &context, const std::vector<Change> &changes,
                 std::string_view what) {
  Style style = resolve_style(context.options);
  render::Rows rows =
      list_rows(context.options, changes, render::change_fields(),
                "section,key,change,field,old,new", {});
  std::string &out = context.out().buffer();
  const bool human = style.format == render::Format::table ||
                     style.format == render::Format::md;
  if (human && changes.empty()) {
    out += fmt::format("No changes: {}\n", what);
  } else if (human) {
    // md: bold, so that it stands as a heading in a pull request.
    const char *mark = style.format == render::Format::md ? "**" : "";
    out += fmt::format("{}{}{}: {}\n\n", mark, what, mark,
                       changes_cpp::summary(changes));
    render::write(out, rows, style.format, style.options);
  } else {
    render::write(out, rows, style.format, style.options);
  }
  context.out().flush();
  return changes.empty() ? k_exit_ok : k_exit_no_match;
}

} // namespace iom::cli
