#include "cli/filters.hpp"

#include "cli/choices.hpp"
#include "cli/context.hpp"
#include "cli/options.hpp"
#include "dataset/names.hpp"
#include "query/normalise.hpp"
#include "util/error.hpp"

#include "cli/cli11.hpp"

namespace iom::cli {
namespace filters_cpp {
namespace {

ChoiceList kind_list() { return {dataset::kind_choices(), "kind"}; }
ChoiceList basis_list() { return {dataset::basis_choices(), "basis"}; }

} // namespace
} // namespace filters_cpp

void add_filter_options(OptionAdder &add, FilterArgs &args) {
  add.option("-r,--region", args.regions,
             "Only this region: code, name or unique prefix; repeatable, "
             "or a comma list")
      .delimiter(',')
      .type_name("REGION");
  add.option("-t,--type", args.types,
             "Only this office type: code, name or unique prefix; "
             "repeatable, or a comma list")
      .delimiter(',')
      .type_name("TYPE");
  add.option("-l,--site-lang", args.languages,
             "Only entries whose site has this language code")
      .delimiter(',')
      .type_name("CODE");
  add.option("--kind", args.kind, "Only entries of this kind")
      .choices(filters_cpp::kind_list())
      .type_name("KIND");
  add.option("--host", args.hosts,
             "Only entries in this host country (name or ISO code)")
      .delimiter(',')
      .type_name("COUNTRY");
  // Repeatable but no comma list: "Washington, D.C." is one city.
  add.option("--city", args.cities,
             "Only entries whose office is in this city, as the data "
             "gives it (cities are not names: 'show' does not take them)")
      .type_name("CITY");
  add.option("--basis", args.basis,
             "Only entries whose region or type assignment has this basis")
      .choices(filters_cpp::basis_list())
      .type_name("BASIS");
  add.option("-m,--match", args.match,
             "Only entries whose name, short name or an alias has "
             "TEXT at the start of a word")
      .type_name("TEXT");
}

query::Filter resolve_filter(Context &context, const FilterArgs &args) {
  const Dataset &data = args.hosts.empty() ? context.data() : context.indexed();
  query::Filter filter;
  for (const auto &value : args.regions)
    filter.regions.push_back(query::resolve_region(data, value));
  for (const auto &value : args.types)
    filter.types.push_back(query::resolve_type(data, value));
  filter.languages = args.languages;
  if (!args.kind.empty())
    filter.kind = choice_enum<Kind>(filters_cpp::kind_list(), args.kind);
  for (const auto &value : args.hosts)
    filter.hosts.push_back(query::resolve_host(data, value));
  for (const auto &value : args.cities)
    filter.cities.push_back(query::resolve_city(data, value));
  if (!args.basis.empty())
    filter.basis = choice_enum<Basis>(filters_cpp::basis_list(), args.basis);
  if (!args.match.empty()) {
    filter.match = query::normalise(args.match);
    if (filter.match.empty())
      throw Error("--match needs letters or digits, not '" + args.match + "'");
  }
  return filter;
}

} // namespace iom::cli
