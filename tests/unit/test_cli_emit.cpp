#include "cli/emit.hpp"
#include "dataset/builtin.hpp"
#include "query/sort.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

using namespace iom;

namespace {

// The order of `texts` under one key of this kind and direction.
std::vector<std::string> sorted(std::vector<std::string> texts,
                                render::SortKind kind, bool descending) {
  std::vector<query::SortValue> values;
  for (const auto &text : texts)
    values.push_back(query::sort_value(text, kind == render::SortKind::number));
  std::vector<std::string> out;
  for (std::size_t i : query::sort_order(values, {descending}))
    out.push_back(texts[i]);
  return out;
}

} // namespace

TEST_CASE("numbers sort as numbers, leading zeros and all") {
  using V = std::vector<std::string>;
  CHECK(sorted({"116", "012", "120", "090"}, render::SortKind::number, false) ==
        V{"012", "090", "116", "120"});
  CHECK(sorted({"116", "012", "120", "090"}, render::SortKind::number, true) ==
        V{"120", "116", "090", "012"});
}

TEST_CASE("empty values sort last in either direction") {
  using V = std::vector<std::string>;
  CHECK(sorted({"", "004", "", "894"}, render::SortKind::number, false) ==
        V{"004", "894", "", ""});
  CHECK(sorted({"", "004", "", "894"}, render::SortKind::number, true) ==
        V{"894", "004", "", ""});
  CHECK(sorted({"", "b", "a"}, render::SortKind::text, true) ==
        V{"b", "a", ""});
}

TEST_CASE("text sorts normalised and stably") {
  using V = std::vector<std::string>;
  CHECK(sorted({"Cuba", "Côte d'Ivoire", "Chad", "CHAD"},
               render::SortKind::text,
               false) == V{"Chad", "CHAD", "Côte d'Ivoire", "Cuba"});
}

TEST_CASE("a sort spec over any table takes several keys and a leading -") {
  const OfficeType a{"a", "A", ""}, b{"b", "B", ""}, c{"c", "C", ""};
  std::vector<render::TypeRow> rows = {{b, 2}, {a, 1}, {c, 2}};
  cli::sort_rows(rows, render::type_fields(), "-entries,code");
  CHECK(rows[0].type.code == "b");
  CHECK(rows[1].type.code == "c");
  CHECK(rows[2].type.code == "a");
  CHECK_THROWS_WITH(cli::sort_rows(rows, render::type_fields(), "size"),
                    "unknown field 'size'; valid fields: all, code, name, "
                    "entries, description, name_en, name_fr, name_fr_source, "
                    "name_es, name_es_source");
}

TEST_CASE("dense ranks order as the values do, and tie as they do") {
  std::vector<std::string> texts = {"Chad", "",     "CHAD", "Côte d'Ivoire",
                                    "Cuba", "chad", "",     "Åland"};
  std::vector<query::SortValue> values;
  for (const auto &text : texts)
    values.push_back(query::sort_value(text, false));
  const std::vector<std::uint32_t> ranks = query::dense_ranks(values);
  const std::vector<std::size_t> order = query::sort_order(values, {false});
  for (std::size_t i = 0; i + 1 < order.size(); ++i) {
    const std::size_t a = order[i], b = order[i + 1];
    const bool tie = query::sort_order({values[b], values[a]}, {false})[0] ==
                     0; // a stable sort keeps equal values in input order
    CHECK(ranks[a] <= ranks[b]);
    CHECK((ranks[a] == ranks[b]) == tie);
  }
  CHECK(ranks[1] == ranks[6]); // the empty ones, last
  CHECK(ranks[1] == *std::max_element(ranks.begin(), ranks.end()));
}

// The generated name ranks must give the order that sorting by the names
// gives, in every language, for any subset of places in any order.
TEST_CASE("a sort by name over the generated ranks is the sort by the names") {
  const Dataset &ranked = dataset::builtin();
  REQUIRE(ranked.name_ranks.size() == k_lang_count * place_count(ranked));
  Dataset plain = ranked;
  plain.name_ranks = {};
  std::vector<PlaceIndex> every(place_count(ranked));
  for (std::size_t i = 0; i < every.size(); ++i)
    every[i] = static_cast<PlaceIndex>(i);
  std::mt19937 random(20261207);
  for (Lang lang : {Lang::en, Lang::fr, Lang::es})
    for (int round = 0; round < 40; ++round) {
      std::vector<PlaceIndex> places = every;
      std::shuffle(places.begin(), places.end(), random);
      // Whole lists, then subsets of every size, with repeats at times.
      places.resize(round == 0 ? places.size()
                               : random() % (places.size() + 1));
      if (round % 5 == 4 && !places.empty())
        places.push_back(places.front());
      std::vector<PlaceIndex> by_rank = places, by_name = places;
      cli::sort_entries(ranked, by_rank, "name", lang);
      cli::sort_entries(plain, by_name, "name", lang);
      CAPTURE(static_cast<int>(lang));
      CAPTURE(round);
      REQUIRE(by_rank == by_name);
    }
}
