#pragma once

// The list commands' filter options (-r -t -l --kind --host --city --basis -m),
// as typed, and their resolution against the dataset.

#include "query/filter.hpp"

#include <string>
#include <vector>

namespace iom::cli {

class Context;
class OptionAdder;

struct FilterArgs {
  std::vector<std::string> regions;
  std::vector<std::string> types;
  std::vector<std::string> languages;
  std::string kind;
  std::vector<std::string> hosts;
  std::string basis;
  std::string match;
  std::vector<std::string> cities;
};

void add_filter_options(OptionAdder &add, FilterArgs &args);

// Resolves against context.data(), building the lookup index only when a
// --host value needs it. Throws iom::Error (exit 2) for an unknown value,
// listing the valid ones.
query::Filter resolve_filter(Context &context, const FilterArgs &args);

} // namespace iom::cli
