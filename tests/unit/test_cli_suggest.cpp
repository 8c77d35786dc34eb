#include "cli/suggest.hpp"
#include "query/distance.hpp"
#include "util/choices.hpp"

#include <doctest/doctest.h>

#include <array>

using iom::cli::closest;
using iom::cli::did_you_mean;

namespace {
constexpr std::array<std::string_view, 5> k_commands = {
    "show", "countries", "offices", "search", "stats"};
}

TEST_CASE("closest answers a typo within Lucene's AUTO budget") {
  CHECK(closest("contries", k_commands) == "countries"); // one deletion
  CHECK(closest("shwo", k_commands) == "show");          // a transposition
  CHECK(closest("SHOW", k_commands) == "show");          // case is ignored
  CHECK(closest("ofices", k_commands) == "offices");
}

TEST_CASE("closest refuses what is more than a typo away") {
  CHECK(closest("xyz", k_commands).empty());
  CHECK(closest("countrxxxx", k_commands).empty()); // four edits
  CHECK(closest("sh", k_commands).empty()); // two bytes: no edit allowed
}

TEST_CASE("closest refuses a tie between two candidates") {
  constexpr std::array<std::string_view, 2> tied = {"cat", "cot"};
  CHECK(closest("cut", tied).empty());
}

TEST_CASE("did_you_mean is empty when nothing is close") {
  CHECK(did_you_mean("contries", k_commands) == "; did you mean 'countries'?");
  CHECK(did_you_mean("zzzzzz", k_commands).empty());
}

TEST_CASE("a suggestion is never further than the budget, for any word") {
  // Property: whatever is suggested is within the AUTO budget of the word.
  const char *words[] = {"s",         "st",     "sta",    "stat",
                         "statz",     "stzts",  "xtats",  "countri",
                         "coutnries", "offces", "searhc", ""};
  for (const char *word : words) {
    std::string_view found = closest(word, k_commands);
    if (found.empty())
      continue;
    std::string_view w = word;
    int budget = w.size() <= 2 ? 0 : w.size() <= 5 ? 1 : 2;
    CHECK_MESSAGE(iom::query::damerau_levenshtein(w, found, 9) <= budget, word);
  }
}

TEST_CASE("choices encode and decode through the CLI11 tree's text") {
  using iom::util::Choice;
  constexpr Choice choices[] = {{"table", ""}, {"tsv", ""}, {"csv", ""}};
  CHECK(iom::util::encode_choices(choices) == "{table,tsv,csv}");
  CHECK(iom::util::decode_choices("{table,tsv,csv}") ==
        std::vector<std::string>{"table", "tsv", "csv"});
  CHECK(iom::util::decode_choices("FORMAT").empty());
  CHECK(iom::util::join_choices(choices) == "table, tsv or csv");
  CHECK(iom::util::find_choice(choices, "tsv") == &choices[1]);
  CHECK(iom::util::find_choice(choices, "xml") == nullptr);
}
