// iom show QUERY...: one detailed card per query, exact matches only.

#include "cli/commands.hpp"
#include "cli/emit.hpp"
#include "cli/explain.hpp"
#include "cli/options.hpp"
#include "query/match.hpp"
#include "render/card.hpp"
#include "util/error.hpp"
#include "util/output.hpp"

#include "cli/cli11.hpp"

#include <memory>

namespace iom::cli {
namespace cmd_show_cpp {
namespace {

struct Options {
  std::vector<std::string> queries;
  bool world = false;
};

// The card: the names in --lang, then in the two other languages with their
// sources, then the rest; with --world, the world table's facts too.
constexpr std::string_view k_card_names = "name,short_name,";
constexpr std::string_view k_card_other_names[] = {
    "name_fr,name_fr_source,name_es,name_es_source,",
    "name_en,name_fr_source,name_es,name_es_source,",
    "name_en,name_fr,name_fr_source,name_es_source,",
};
constexpr std::string_view k_card_codes =
    "flag,kind,iso2,iso3,numeric,code_status,";
constexpr std::string_view k_card_world =
    "in_directory,formal_name,independent,m49_region_name,m49_subregion_name,"
    "m49_intermediate_name,";
constexpr std::string_view k_card_iom =
    "region_name,region,region_basis,region_source,type_name,type,type_basis,"
    "type_source,city,host_name,languages,aliases,sources,note";
// In French or Spanish, where the type's name comes from (or that it is
// English for want of a translation).
constexpr std::string_view k_card_iom_translated =
    "region_name,region,region_basis,region_source,type_name,type_name_source,"
    "type,type_basis,type_source,city,host_name,languages,aliases,sources,"
    "note";

std::string card_fields(Lang lang, bool world) {
  std::string fields(k_card_names);
  fields += k_card_other_names[static_cast<std::size_t>(lang)];
  fields += k_card_codes;
  if (world)
    fields += k_card_world;
  fields += lang == Lang::en ? k_card_iom : k_card_iom_translated;
  return fields;
}

int run(Context &context, const Options &options) {
  const Dataset &data = context.indexed();
  std::vector<PlaceIndex> found;
  int status = k_exit_ok;
  for (const auto &query : options.queries)
    check_query_length(query);
  for (const auto &query : options.queries) {
    std::vector<query::Match> matches = query::lookup(data, query);
    if (matches.size() == 1 &&
        (options.world || place_at(data, matches.front().place).entry)) {
      found.push_back(matches.front().place);
      if (auto note = confusable_note(data, query, found.back()))
        util::print_error(*note);
      continue;
    }
    status = k_exit_no_match;
    report_not_found(data, query, matches);
  }
  // Built only for the machine formats: start-up is most of a lookup.
  const auto machine_fields = [&] {
    return options.world ? std::string("all") : render::directory_field_names();
  };
  const Lang lang = resolve_lang(context.options);
  Style style = resolve_style(context.options);
  if (found.empty()) {
    // Machine formats still print their empty form (json: []).
    if (style.format != render::Format::table) {
      render::Rows rows = make_rows(
          data, found, lang, resolve_fields(context.options, machine_fields()));
      render::write(context.out().buffer(), rows, style.format, style.options);
      context.out().flush();
    }
    return k_exit_no_match;
  }
  if (style.format == render::Format::table) {
    render::Rows rows = make_rows(
        data, found, lang,
        resolve_fields(context.options, card_fields(lang, options.world)));
    render::write_cards(context.out().buffer(), rows, style.options);
  } else {
    render::Rows rows = make_rows(
        data, found, lang, resolve_fields(context.options, machine_fields()));
    render::write(context.out().buffer(), rows, style.format, style.options);
  }
  context.out().flush();
  return status;
}

} // namespace
} // namespace cmd_show_cpp

void setup_show(CLI::App &command, Context &context) {
  auto options = std::make_shared<cmd_show_cpp::Options>();
  OptionAdder add(command, context);
  command.add_option("QUERY", options->queries, "Name, alias or ISO code")
      ->required();
  add_world_option(add, options->world);
  command.callback([&context, options] {
    context.status = cmd_show_cpp::run(context, *options);
  });
}

} // namespace iom::cli
