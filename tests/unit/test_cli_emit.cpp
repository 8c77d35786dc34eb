#include "cli/emit.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace iom;

namespace {

// The order of `texts` under one key of this kind and direction.
std::vector<std::string> sorted(std::vector<std::string> texts,
                                render::SortKind kind, bool descending) {
  std::vector<cli::SortValue> values;
  for (const auto &text : texts)
    values.push_back(cli::sort_value(kind, text));
  std::vector<std::string> out;
  for (std::size_t i : cli::sort_order(values, {descending}))
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
