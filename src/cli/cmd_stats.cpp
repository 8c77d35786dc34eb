// iom stats: the region x type cross-table, the page's headline claims beside
// the dataset's own counts, and the data version.

#include "cli/commands.hpp"
#include "cli/emit.hpp"
#include "util/error.hpp"
#include "query/filter.hpp"
#include "render/bar.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

namespace iom::cli {
namespace {

render::Rows cross_table(const Dataset &data, bool bars) {
  std::size_t regions = data.regions.size();
  // One row per region, one for entries with no region, then the totals.
  std::vector<std::vector<std::size_t>> counts(
      regions + 1, std::vector<std::size_t>(data.types.size()));
  for (const auto &entry : data.entries) {
    std::size_t row =
        entry.region == k_no_region ? regions : to_size(entry.region);
    counts[row][to_size(entry.type)]++;
  }
  render::Rows rows;
  rows.columns.push_back({"region", "REGION"});
  for (const auto &type : data.types)
    rows.columns.push_back(
        {std::string(type.code), fmt::format("{}", type.code), false, true});
  rows.columns.push_back({"total", "TOTAL", false, true});
  if (bars)
    rows.columns.push_back({"bar", ""});

  std::vector<std::size_t> column_totals(data.types.size());
  std::vector<std::size_t> row_totals(regions + 1);
  std::size_t max = 0;
  for (std::size_t r = 0; r <= regions; ++r) {
    for (std::size_t t = 0; t < data.types.size(); ++t) {
      row_totals[r] += counts[r][t];
      column_totals[t] += counts[r][t];
    }
    max = std::max(max, row_totals[r]);
  }
  for (std::size_t r = 0; r <= regions; ++r) {
    if (r == regions && row_totals[r] == 0)
      continue;
    auto &row = rows.cells.emplace_back();
    row.push_back({r == regions ? std::string("(no region)")
                                : std::string(data.regions[r].code)});
    for (std::size_t t = 0; t < data.types.size(); ++t)
      row.push_back({std::to_string(counts[r][t])});
    row.push_back({std::to_string(row_totals[r])});
    if (bars)
      row.push_back({render::bar(row_totals[r], max, 20)});
  }
  auto &total = rows.cells.emplace_back();
  total.push_back({"total"});
  for (auto count : column_totals)
    total.push_back({std::to_string(count)});
  total.push_back({std::to_string(data.entries.size())});
  if (bars)
    total.push_back({""});
  return rows;
}

render::Rows claims(const Dataset &data) {
  auto [countries, territories, offices] = query::count_kinds(data);
  render::Rows rows;
  rows.columns = {{"claim", "CLAIM"}, {"page", "THE PAGE SAYS"},
                  {"dataset", "THE DATASET HAS"}};
  rows.cells.push_back(
      {{"countries"},
       {std::string(data.meta.claim_countries)},
       {fmt::format("{} countries and territories ({} countries, {} "
                    "territories)",
                    countries + territories, countries, territories)}});
  rows.cells.push_back(
      {{"field offices"},
       {std::string(data.meta.claim_field_offices)},
       {fmt::format("{} directory entries ({} country and territory "
                    "entries, {} other offices)",
                    data.entries.size(), countries + territories, offices)}});
  rows.cells.push_back({{"regions"},
                        {std::string(data.meta.claim_regions)},
                        {std::to_string(data.regions.size())}});
  return rows;
}

int run(Context &context) {
  const Dataset &data = context.data();
  Style style = resolve_style(context.options);
  if (style.format != render::Format::table)
    return emit(context, cross_table(data, false), "the dataset is empty");

  std::string &out = context.out().buffer();
  render::Options options = style.options;
  out += "Entries by region and office type\n\n";
  render::write(out, cross_table(data, options.terminal), style.format,
                options);
  out += "\nHeadline claims of the source page beside the dataset's counts\n\n";
  render::write(out, claims(data), style.format, options);
  out += fmt::format("\nData {} captured {} from {} ({})\n",
                     data.meta.data_version, data.meta.captured,
                     data.meta.source, data.origin);
  out += "Type codes: ";
  for (std::size_t t = 0; t < data.types.size(); ++t)
    out += fmt::format("{}{} = {}", t ? ", " : "", data.types[t].code,
                       data.types[t].name);
  out += "\n";
  context.out().flush();
  return data.entries.empty() ? k_exit_no_match : k_exit_ok;
}

} // namespace

void add_stats(CLI::App &app, Context &context) {
  CLI::App *command = app.add_subcommand(
      "stats", "Show the region x type cross-table, the page's headline claims "
               "beside the dataset's counts, and the data version");
  command->callback([&context] { context.status = run(context); });
}

} // namespace iom::cli
