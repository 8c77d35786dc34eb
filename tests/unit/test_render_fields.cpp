#include "render/fields.hpp"

#include "dataset/builtin.hpp"
#include "model_names.hpp"
#include "render/rows.hpp"
#include "util/error.hpp"

#include <doctest/doctest.h>

#include <set>
#include <string>
#include <string_view>

using namespace iom;
using render::Field;

namespace {

// The HXL core hashtags the tables may use; attributes refine them.
const std::set<std::string_view> k_hxl_hashtags = {
    "#country", "#region", "#org", "#loc", "#indicator", "#meta", "#date"};

template <typename Row> void check_table(std::span<const Field<Row>> table) {
  std::set<std::string_view> names;
  for (const auto &field : table) {
    CAPTURE(field.name);
    CHECK(names.insert(field.name).second);
    CHECK(!field.header.empty());
    CHECK(!field.description.empty());
    CHECK((field.get != nullptr));
    std::string_view tag = field.hashtag;
    std::string_view base = tag.substr(0, tag.find('+'));
    CHECK(k_hxl_hashtags.count(base) == 1);
    // Attributes: +name, lowercase letters, digits and underscores.
    for (char c : tag.substr(base.size()))
      CHECK(((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ||
             c == '+'));
    // A count is a number to sort by; a list is never one.
    if (field.is_count)
      CHECK(field.sort == render::SortKind::number);
    CHECK(!(field.is_list && field.is_count));
  }
}

} // namespace

TEST_CASE("every field table has unique names, headers, descriptions and "
          "HXL hashtags") {
  check_table(render::entry_fields());
  check_table(render::region_fields());
  check_table(render::type_fields());
  check_table(render::claim_fields());
  check_table(render::meta_fields());
  check_table(render::search_fields());
  check_table(render::field_fields());
  auto stats = render::stats_fields(dataset::builtin());
  check_table(std::span<const Field<render::StatsRow>>(stats));
}

TEST_CASE("the entry fields keep their order and names") {
  std::string names;
  for (const auto &field : render::entry_fields())
    names += std::string(field.name) + " ";
  CHECK(names == "id name short_name kind iso2 iso3 numeric code_status flag "
                 "region region_name region_basis region_source type "
                 "type_name type_name_source type_basis type_source city host "
                 "host_name "
                 "languages aliases sources note in_directory world_name "
                 "world_name_source formal_name name_en name_fr name_fr_source "
                 "name_es name_es_source independent m49_region "
                 "m49_region_name m49_subregion m49_subregion_name "
                 "m49_intermediate m49_intermediate_name ");
  // The machine formats' default without --world: every field that is not
  // the world table's, as before the world came in.
  CHECK(render::directory_field_names() ==
        "id,name,short_name,kind,iso2,iso3,numeric,code_status,flag,region,"
        "region_name,region_basis,region_source,type,type_name,type_basis,"
        "type_source,city,host,host_name,languages,aliases,sources,note");
  CHECK(render::find_field("numeric")->sort == render::SortKind::number);
  CHECK(render::find_field("numeric")->is_count == false); // "004" stays text
}

TEST_CASE("search fields are score, match and key, then every entry field, "
          "read through the entry table") {
  auto search = render::search_fields();
  REQUIRE(search.size() == 3 + render::entry_fields().size());
  CHECK(search[0].name == "score");
  CHECK(search[1].name == "match");
  CHECK(search[2].name == "key");
  const Dataset &data = dataset::builtin();
  render::SearchRow row{data, place_at(data, 0), Lang::en, 900, "exact", "x"};
  for (std::size_t i = 0; i < render::entry_fields().size(); ++i) {
    CAPTURE(search[3 + i].name);
    CHECK(search[3 + i].name == render::entry_fields()[i].name);
    const Place place = place_at(data, 0);
    CHECK(render::field_text(row, search[3 + i]) ==
          render::field_text(render::EntryRow{data, place.entry, place.world},
                             render::entry_fields()[i]));
  }
}

TEST_CASE("parse_fields over any table names the unknown field and lists "
          "that table's fields") {
  try {
    render::parse_fields(render::type_fields(), "code,capital");
    FAIL("no error");
  } catch (const Error &error) {
    CHECK(std::string(error.what()) ==
          "unknown field 'capital'; valid fields: all, code, name, entries, "
          "description, name_en, name_fr, name_fr_source, name_es, "
          "name_es_source");
  }
  CHECK(render::parse_fields(render::type_fields(), "all").size() == 9);
  CHECK(render::parse_fields(render::type_fields(), "entries,code")[1]->name ==
        "code");
}

TEST_CASE("the stats table has one count column per office type, reading "
          "its slot") {
  const Dataset &data = dataset::builtin();
  auto table = render::stats_fields(data);
  REQUIRE(table.size() == data.types.size() + 2);
  CHECK(table.front().name == "region");
  CHECK(table.back().name == "total");
  std::vector<std::size_t> counts(data.types.size());
  for (std::size_t t = 0; t < counts.size(); ++t)
    counts[t] = 10 + t;
  render::StatsRow row{nullptr, "", counts, 99};
  CHECK(render::field_text(row, table[0]).empty());
  CHECK(render::field_text(row, table[1]) == "10");
  CHECK(render::field_text(row, table[data.types.size()]) ==
        std::to_string(10 + data.types.size() - 1));
  CHECK(render::field_text(row, table.back()) == "99");
}

TEST_CASE("the enum spellings round-trip") {
  for (auto kind : {Kind::country, Kind::territory, Kind::office})
    CHECK(parse_kind(to_string(kind)) == kind);
  for (auto basis : {Basis::sourced, Basis::assumed, Basis::inferred})
    CHECK(parse_basis(to_string(basis)) == basis);
  CHECK(to_string(Basis::assumed) == "default");
  CHECK(parse_code_status("user-assigned") == CodeStatus::user_assigned);
  CHECK(!parse_kind("state"));
}

namespace {

render::Rows two_rows() {
  render::Rows rows;
  rows.columns = {{"code", "CODE"}, {"n", "N", false, true}};
  rows.cells = {{{"a"}, {"1"}}, {{"b,c"}, {""}}};
  return rows;
}

std::vector<render::Part> document() {
  render::Rows one;
  one.columns = {{"version", "VERSION"}};
  one.cells = {{{"1.0"}}};
  return {{"rows", two_rows(), false},
          {"meta", one, true},
          {"none", render::Rows{{{"x", "X"}}, {}}, false}};
}

} // namespace

TEST_CASE("a document is one JSON object, and one line in jsonl") {
  std::string out;
  render::write_document(out, document(), render::Format::json, {});
  CHECK(out == "{\n"
               "  \"rows\": [\n"
               "    {\"code\":\"a\",\"n\":1},\n"
               "    {\"code\":\"b,c\",\"n\":null}\n"
               "  ],\n"
               "  \"meta\": {\"version\":\"1.0\"},\n"
               "  \"none\": []\n"
               "}\n");
  out.clear();
  render::write_document(out, document(), render::Format::jsonl, {});
  CHECK(out == "{\"rows\":[{\"code\":\"a\",\"n\":1},{\"code\":\"b,c\",\"n\":"
               "null}],\"meta\":{\"version\":\"1.0\"},\"none\":[]}\n");
}

TEST_CASE("a document in tsv and csv is its tables, an empty line apart, "
          "with one BOM") {
  std::string out;
  render::write_document(out, document(), render::Format::tsv, {});
  CHECK(out == "code\tn\na\t1\nb,c\t\n\nversion\n1.0\n\nx\n");
  out.clear();
  render::Options options;
  options.bom = true;
  render::write_document(out, document(), render::Format::csv, options);
  CHECK(out == "\xEF\xBB\xBF"
               "code,n\r\na,1\r\n\"b,c\",\r\n\r\nversion\r\n1.0\r\n\r\nx\r\n");
}
