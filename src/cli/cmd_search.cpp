// iom search TEXT: ranked, typo-tolerant candidates, each with its score and
// the reason it matched.

#include "cli/commands.hpp"
#include "cli/emit.hpp"
#include "cli/explain.hpp"
#include "cli/options.hpp"
#include "query/match.hpp"
#include "util/error.hpp"
#include "util/output.hpp"

#include "cli/cli11.hpp"

#include <memory>

namespace iom::cli {
namespace cmd_search_cpp {
namespace {

struct Options {
  std::vector<std::string> words;
  std::string limit = "10";
  std::string sort;
  bool world = false;
};

// Without --world, the candidates outside the directory leave the list; the
// ones that ranked above every directory candidate are named on stderr. A
// query that names such a place exactly lists nothing else. Returns false
// in that case.
bool keep_directory(const Dataset &data, std::string_view text,
                    std::vector<query::Candidate> &ranked) {
  if (!ranked.empty() && query::is_exact(ranked.front().reason)) {
    const Place top = place_at(data, ranked.front().place);
    if (!top.entry) {
      util::print_error(outside_message(data, text, *top.world) +
                        " (--world lists it)");
      ranked.clear();
      return false;
    }
  }
  std::string above;
  bool directory_seen = false;
  std::erase_if(ranked, [&](const query::Candidate &c) {
    if (place_at(data, c.place).entry) {
      directory_seen = true;
      return false;
    }
    if (!directory_seen)
      above += (above.empty() ? "" : ", ") + describe(data, c.place);
    return true;
  });
  if (!above.empty())
    util::print_error("ahead of these, outside IOM's directory (--world "
                      "lists them): " +
                      above);
  return true;
}

constexpr std::string_view k_default_fields = "name,iso2,iso3,kind";
constexpr std::string_view k_own_fields = "score,match,key";

// -F picks the entry fields to show after score, match and key; a list that
// names any of those three picks every column itself.
std::vector<const render::Field<render::SearchRow> *>
search_columns(const GlobalOptions &options) {
  auto table = render::search_fields();
  std::string_view list = options.fields.empty()
                              ? k_default_fields
                              : std::string_view(options.fields);
  auto fields = render::parse_fields(table, list);
  for (const auto *field : fields)
    if (field->name == "score" || field->name == "match" ||
        field->name == "key")
      return fields;
  if (list == "all")
    return fields;
  auto own = render::parse_fields(table, k_own_fields);
  fields.insert(fields.begin(), own.begin(), own.end());
  return fields;
}

int run(Context &context, const Options &options) {
  const Dataset &data = context.indexed();
  std::string text;
  for (const auto &word : options.words)
    text += (text.empty() ? "" : " ") + word;
  check_query_length(text);
  std::optional<std::size_t> limit = parse_limit(options.limit);
  auto fields = search_columns(context.options);

  std::vector<query::Candidate> ranked = query::search(data, text);
  if (!options.world && !keep_directory(data, text, ranked))
    return k_exit_no_match;
  if (limit && ranked.size() > *limit)
    ranked.resize(*limit);
  const Lang lang = resolve_lang(context.options);
  std::vector<render::SearchRow> rows;
  for (const auto &candidate : ranked) {
    std::string match(query::to_string(candidate.reason));
    if (candidate.reason == query::Reason::edit)
      match += " (" + std::to_string(candidate.distance) + ")";
    rows.push_back({data, place_at(data, candidate.place), lang,
                    candidate.score, std::move(match), candidate.key});
  }
  // --sort orders the best candidates, not all of them: the limit keeps the
  // ones that match best.
  sort_rows(rows, render::search_fields(), options.sort);
  return emit(
      context,
      render::make_rows(std::span<const render::SearchRow>(rows), fields),
      "no candidate for '" + text + "'");
}

} // namespace
} // namespace cmd_search_cpp

void setup_search(CLI::App &command, Context &context) {
  auto options = std::make_shared<cmd_search_cpp::Options>();
  OptionAdder add(command, context);
  command.add_option("TEXT", options->words, "Text to look for")->required();
  add.option("-n,--limit", options->limit,
             "Print at most N candidates (default 10)")
      .type_name("N");
  add_sort_option(add, options->sort);
  add_world_option(add, options->world);
  command.callback([&context, options] {
    context.status = cmd_search_cpp::run(context, *options);
  });
}

} // namespace iom::cli
