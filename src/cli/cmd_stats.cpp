// iom stats: the region x type cross-table, the page's headline claims beside
// the dataset's own counts, the data version and the type legend. Every
// format carries all of it: table and md as on a terminal, tsv and csv as
// tables separated by a blank line, json and jsonl as one object.

#include "cli/commands.hpp"
#include "cli/emit.hpp"
#include "cli/options.hpp"
#include "query/filter.hpp"
#include "render/json.hpp"
#include "render/provenance.hpp"
#include "util/error.hpp"

#include "cli/cli11.hpp"

#include <fmt/format.h>
#include <memory>

namespace iom::cli {
namespace cmd_stats_cpp {
namespace {

struct Options {
  std::string sort;
};

// The counts behind the cross-table: one row per region, then one for the
// entries with no region, then the totals.
struct Counts {
  std::vector<std::vector<std::size_t>> cells; // [region or none][type]
  std::vector<std::size_t> row_totals;
  std::vector<std::size_t> column_totals;
};

Counts count(const Dataset &data) {
  std::size_t regions = data.regions.size();
  Counts counts;
  counts.cells.assign(regions + 1, std::vector<std::size_t>(data.types.size()));
  counts.row_totals.assign(regions + 1, 0);
  counts.column_totals.assign(data.types.size(), 0);
  for (const auto &entry : data.entries) {
    std::size_t r = render::region_position(data, entry);
    std::size_t t = render::type_position(entry);
    counts.cells[r][t]++;
    counts.row_totals[r]++;
    counts.column_totals[t]++;
  }
  return counts;
}

// The cross-table's parts. `human` labels the no-region and totals rows in
// the region column, as a person reads them; machine formats keep those rows
// apart instead, with no region.
struct Cross {
  std::vector<render::StatsRow> regions; // sorted by --sort
  render::StatsRow none;
  render::StatsRow totals;
  bool has_none; // some entries have no region
};

Cross cross(const Dataset &data, const Counts &counts, bool human) {
  std::size_t n = data.regions.size();
  Cross out{{},
            {nullptr, human ? "(no region)" : "", counts.cells[n],
             counts.row_totals[n]},
            {nullptr, human ? "total" : "", counts.column_totals,
             data.entries.size()},
            counts.row_totals[n] > 0};
  for (std::size_t r = 0; r < n; ++r)
    out.regions.push_back(
        {&data.regions[r], {}, counts.cells[r], counts.row_totals[r]});
  return out;
}

std::vector<render::ClaimRow> claims(const Dataset &data) {
  auto [countries, territories, offices] = query::count_kinds(data);
  return {
      {"countries", data.meta.claim_countries,
       fmt::format("{} countries and territories ({} countries, {} "
                   "territories)",
                   countries + territories, countries, territories)},
      {"field offices", data.meta.claim_field_offices,
       fmt::format("{} directory entries ({} country and territory "
                   "entries, {} other offices)",
                   data.entries.size(), countries + territories, offices)},
      {"regions", data.meta.claim_regions, std::to_string(data.regions.size())},
  };
}

template <typename Row>
render::Rows all_rows(std::span<const Row> rows,
                      std::span<const render::Field<Row>> table) {
  return render::make_rows(rows, render::parse_fields(table, "all"));
}

using StatsFields = std::vector<const render::Field<render::StatsRow> *>;

// table and md: what a person reads on a terminal.
void write_human(Context &context, const Cross &parts,
                 const StatsFields &fields, const Style &style) {
  const Dataset &data = context.data();
  std::vector<render::StatsRow> rows = parts.regions;
  if (parts.has_none)
    rows.push_back(parts.none);
  rows.push_back(parts.totals);
  render::Rows cross_rows =
      render::make_rows(std::span<const render::StatsRow>(rows), fields);
  if (style.format == render::Format::table && style.options.terminal) {
    std::vector<std::size_t> totals; // none for the totals row
    for (std::size_t r = 0; r + 1 < rows.size(); ++r)
      totals.push_back(rows[r].total);
    insert_bars(cross_rows, "total", totals);
  }

  std::string &out = context.out().buffer();
  out += "Entries by region and office type\n\n";
  render::write(out, cross_rows, style.format, style.options);
  out += "\nHeadline claims of the source page beside the dataset's counts\n\n";
  auto claim_rows = claims(data);
  render::write(out,
                all_rows(std::span<const render::ClaimRow>(claim_rows),
                         render::claim_fields()),
                style.format, style.options);
  out += fmt::format("\nData {} {} from {} ({})\n", data.meta.data_version,
                     render::captured_text(data.meta), data.meta.source,
                     data.origin);
  // Markdown joins adjacent lines into one paragraph.
  if (style.format == render::Format::md)
    out += "\n";
  out += "Type codes: ";
  for (std::size_t t = 0; t < data.types.size(); ++t)
    out += fmt::format("{}{} = {}", t ? ", " : "", data.types[t].code,
                       data.types[t].name);
  out += "\n";
}

// json and jsonl: one object; tsv and csv: its tables, an empty line apart.
void write_machine(Context &context, const Cross &parts,
                   const StatsFields &fields, const Style &style) {
  const Dataset &data = context.data();
  const bool json = render::is_json(style.format);
  auto stats = [&](std::span<const render::StatsRow> rows) {
    return render::make_rows(rows, fields);
  };
  // tsv and csv have no null: there the no-region row, with an empty
  // region, ends the cross-table, and the totals are a table of their own.
  std::vector<render::StatsRow> regions = parts.regions;
  if (parts.has_none && !json)
    regions.push_back(parts.none);
  auto claim_rows = claims(data);
  std::vector<render::TypeRow> type_rows;
  for (const auto &type : data.types)
    type_rows.push_back({type, 0});

  std::vector<render::Part> document;
  document.push_back({"regions", stats(regions), false});
  if (json)
    document.push_back({"no_region", stats({&parts.none, 1}), true});
  document.push_back({"totals", stats({&parts.totals, 1}), true});
  document.push_back({"claims",
                      all_rows(std::span<const render::ClaimRow>(claim_rows),
                               render::claim_fields()),
                      false});
  document.push_back(
      {"data",
       all_rows(std::span<const Dataset>(&data, 1), render::meta_fields()),
       true});
  document.push_back(
      {"types",
       render::make_rows(
           std::span<const render::TypeRow>(type_rows),
           render::parse_fields(render::type_fields(), "code,name")),
       false});
  render::write_document(context.out().buffer(), document, style.format,
                         style.options);
}

int run(Context &context, const Options &options) {
  const Dataset &data = context.data();
  Style style = resolve_style(context.options);
  bool human = style.format == render::Format::table ||
               style.format == render::Format::md;
  std::vector<render::Field<render::StatsRow>> table =
      render::stats_fields(data);
  std::span<const render::Field<render::StatsRow>> fields_table(table);
  StatsFields fields = resolve_fields(context.options, fields_table, "all");
  const Counts counts = count(data); // the rows' spans point into it
  Cross parts = cross(data, counts, human);
  sort_rows(parts.regions, fields_table, options.sort);
  if (human)
    write_human(context, parts, fields, style);
  else
    write_machine(context, parts, fields, style);
  context.out().flush();
  return data.entries.empty() ? k_exit_no_match : k_exit_ok;
}

} // namespace
} // namespace cmd_stats_cpp

void setup_stats(CLI::App &command, Context &context) {
  auto options = std::make_shared<cmd_stats_cpp::Options>();
  OptionAdder add(command, context);
  add_sort_option(add, options->sort);
  command.callback([&context, options] {
    context.status = cmd_stats_cpp::run(context, *options);
  });
}

} // namespace iom::cli
