// iom regions: the regions with their counts.

#include "cli/commands.hpp"
#include "cli/emit.hpp"
#include "cli/options.hpp"
#include "model_names.hpp"
#include "util/error.hpp"

#include <fmt/format.h>

#include "cli/cli11.hpp"

#include <memory>

namespace iom::cli {

namespace cmd_regions_cpp {
namespace {

struct Options {
  std::string sort;
};

constexpr std::string_view k_default_fields =
    "code,name,countries,entries,office,city,basis";

std::vector<render::RegionRow> region_rows(const Dataset &data) {
  std::vector<std::size_t> countries(data.regions.size() + 1);
  std::vector<std::size_t> entries(data.regions.size() + 1);
  for (const auto &entry : data.entries) {
    std::size_t region = render::region_position(data, entry);
    entries[region]++;
    countries[region] += entry.kind != Kind::office;
  }
  std::vector<render::RegionRow> rows;
  for (std::size_t i = 0; i < data.regions.size(); ++i)
    rows.push_back({data, data.regions[i], countries[i], entries[i]});
  return rows;
}

int run(Context &context, const Options &options) {
  const Dataset &data = context.data();
  std::vector<render::RegionRow> regions = region_rows(data);
  sort_rows(regions, render::region_fields(), options.sort);
  render::Rows rows = list_rows(context.options, regions,
                                render::region_fields(), k_default_fields, {});
  Style style = resolve_style(context.options);
  if (style.format == render::Format::table && style.options.terminal) {
    std::vector<std::size_t> countries;
    for (const auto &region : regions)
      countries.push_back(region.countries);
    insert_bars(rows, "countries", countries);
  }
  int status = emit(context, rows, "the dataset has no regions");
  // A person reading the table learns why a region is not sourced; scripts
  // ask for the note field instead.
  if (style.format == render::Format::table && style.options.terminal) {
    std::string notes;
    for (const auto &region : regions)
      if (region.region.basis != Basis::sourced && !region.region.note.empty())
        notes +=
            fmt::format("{} ({}): {}\n", region.region.code,
                        to_string(region.region.basis), region.region.note);
    if (!notes.empty()) {
      context.out().write("\n" + notes);
      context.out().flush();
    }
  }
  return status;
}

} // namespace
} // namespace cmd_regions_cpp

void setup_regions(CLI::App &command, Context &context) {
  auto options = std::make_shared<cmd_regions_cpp::Options>();
  OptionAdder add(command, context);
  add_sort_option(add, options->sort);
  command.callback([&context, options] {
    context.status = cmd_regions_cpp::run(context, *options);
  });
}

} // namespace iom::cli
