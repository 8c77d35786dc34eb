// iom regions: the six regions with their counts.

#include "cli/commands.hpp"
#include "cli/emit.hpp"
#include "util/error.hpp"
#include "dataset/names.hpp"
#include "render/bar.hpp"

#include <CLI/CLI.hpp>

namespace iom::cli {

namespace {

int run(Context &context) {
  const Dataset &data = context.data();
  Style style = resolve_style(context.options);
  bool bars = style.format == render::Format::table && style.options.terminal;

  std::vector<std::size_t> countries(data.regions.size()), entries(data.regions.size());
  for (const auto &entry : data.entries) {
    if (entry.region == k_no_region)
      continue;
    entries[to_size(entry.region)]++;
    countries[to_size(entry.region)] += entry.kind != Kind::office;
  }
  std::size_t max = 0;
  for (auto count : countries)
    max = std::max(max, count);

  render::Rows rows;
  rows.columns = {{"code", "CODE"},
                  {"name", "NAME"},
                  {"countries", "COUNTRIES", false, true},
                  {"entries", "ENTRIES", false, true},
                  {"office", "REGIONAL OFFICE"},
                  {"city", "CITY"},
                  {"basis", "BASIS"}};
  if (bars)
    rows.columns.insert(rows.columns.begin() + 3, {"bar", ""});
  for (std::size_t i = 0; i < data.regions.size(); ++i) {
    const Region &region = data.regions[i];
    std::string_view office = region.office;
    for (const auto &entry : data.entries)
      if (entry.id == region.office)
        office = entry.short_name;
    auto &row = rows.cells.emplace_back();
    row.push_back({std::string(region.code)});
    row.push_back({std::string(region.name)});
    row.push_back({std::to_string(countries[i])});
    if (bars)
      row.push_back({render::bar(countries[i], max, 20)});
    row.push_back({std::to_string(entries[i])});
    row.push_back({std::string(office)});
    row.push_back({std::string(region.city)});
    render::Cell basis{std::string(dataset::to_string(region.basis))};
    if (region.basis != Basis::sourced)
      basis.emphasis = render::Emphasis::dim;
    row.push_back(basis);
  }
  return emit(context, rows, "the dataset has no regions");
}

} // namespace

void add_regions(CLI::App &app, Context &context) {
  CLI::App *command = app.add_subcommand(
      "regions", "List the six regions with their counts of countries and "
                 "entries");
  command->callback([&context] { context.status = run(context); });
}

} // namespace iom::cli
