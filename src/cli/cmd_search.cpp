// iom search TEXT: ranked, typo-tolerant candidates, each with its score and
// the reason it matched.

#include "cli/commands.hpp"
#include "cli/emit.hpp"
#include "util/error.hpp"
#include "cli/explain.hpp"
#include "query/match.hpp"

#include <CLI/CLI.hpp>

namespace iom::cli {
namespace {

struct Options {
  std::vector<std::string> words;
  std::string limit = "10";
};

constexpr std::string_view k_default_fields = "name,iso2,iso3,kind";

int run(Context &context, const Options &options) {
  const Dataset &data = context.indexed();
  std::string text;
  for (const auto &word : options.words)
    text += (text.empty() ? "" : " ") + word;
  check_query_length(text);
  std::optional<std::size_t> limit = parse_limit(options.limit);
  std::vector<const Field *> fields =
      resolve_fields(context.options, k_default_fields);

  std::vector<query::Candidate> ranked = query::search(data, text);
  if (limit && ranked.size() > *limit)
    ranked.resize(*limit);
  std::vector<EntryIndex> entries;
  for (const auto &candidate : ranked)
    entries.push_back(candidate.entry);

  render::Rows rows = make_rows(data, entries, fields);
  rows.columns.insert(rows.columns.begin(),
                      {{"score", "SCORE", false, true},
                       {"match", "MATCH"},
                       {"key", "MATCHED"}});
  for (std::size_t i = 0; i < ranked.size(); ++i) {
    auto &row = rows.cells[i];
    std::string reason(query::to_string(ranked[i].reason));
    if (ranked[i].reason == query::Reason::edit)
      reason += " (" + std::to_string(ranked[i].distance) + ")";
    row.insert(row.begin(), {{std::to_string(ranked[i].score)},
                             {reason},
                             {std::string(ranked[i].key)}});
  }
  return emit(context, rows,
              "no candidate for '" + text + "'");
}

} // namespace

void add_search(CLI::App &app, Context &context) {
  static Options options;
  CLI::App *command = app.add_subcommand(
      "search", "Rank typo-tolerant candidates for TEXT, with a score and the "
                "reason for each match");
  command->add_option("TEXT", options.words, "Text to look for")->required();
  command->add_option("-n,--limit", options.limit,
                      "Print at most N candidates (default 10)")
      ->type_name("N");
  command->callback([&context] { context.status = run(context, options); });
}

} // namespace iom::cli
