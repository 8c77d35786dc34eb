// Validation of dataset files: every rejected case has its exact message.

#include "dataset/load.hpp"
#include "query/index.hpp"
#include "util/error.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <sys/stat.h>
#include <unistd.h>

namespace {

using iom::Dataset;

// A minimal valid dataset: one region, two types, one host, a country and an
// office. Line numbers in the expectations below refer to this text.
const std::string k_valid = R"([meta]
data_version = "t1"
captured = "2025-02-11"
source = "https://example.org/"
source_note = "test"
claim_countries = "1"
claim_field_offices = "over 1"
claim_regions = "1"

[[regions]]
code = "ehsa"
name = "East, Horn and Southern Africa"
office = "ro-nairobi"
city = "Nairobi, Kenya"
basis = "inferred"

[[types]]
code = "co"
name = "Country Office"
description = "A country office."

[[types]]
code = "ro"
name = "Regional Office"
description = "A regional office."

[[hosts]]
iso2 = "US"
iso3 = "USA"
numeric = "840"
name = "United States of America"
aliases = ["United States"]

[[entries]]
id = "kenya"
name = "Kenya"
short_name = "Kenya"
kind = "country"
iso2 = "KE"
iso3 = "KEN"
numeric = "404"
code_status = "iso"
region = "ehsa"
region_basis = "sourced"
region_source = "a source"
type = "co"
type_basis = "default"
type_source = "assumed"
languages = ["en"]
aliases = ["Republic of Kenya"]
sources = ["https://example.org/kenya"]

[[entries]]
id = "ro-nairobi"
name = "East and Horn of Africa"
short_name = "Regional Office Nairobi"
kind = "office"
code_status = "none"
region = "ehsa"
region_basis = "inferred"
region_source = "reasoned"
type = "ro"
type_basis = "sourced"
type_source = "a source"
city = "Nairobi"
host = "KE"
languages = []
aliases = ["Nairobi"]
sources = []
)";

// Replaces the first occurrence of `from` in `text` (the valid text).
std::string with(std::string_view from, std::string_view to,
                 std::string text = k_valid) {
  auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  text.replace(at, from.size(), to);
  return text;
}

std::string error_of(const std::string &text) {
  try {
    iom::dataset::load_text(text, "t.toml");
  } catch (const iom::Error &error) {
    CHECK(error.exit_code() == 2);
    return error.what();
  }
  return "(loaded)";
}

std::string file_error_of(const std::string &path) {
  try {
    iom::dataset::load_file(path);
  } catch (const iom::Error &error) {
    CHECK(error.exit_code() == 2);
    return error.what();
  }
  return "(loaded)";
}

struct TempDir {
  std::filesystem::path path;
  TempDir() {
    char pattern[] = "/tmp/iom-test-XXXXXX";
    path = ::mkdtemp(pattern);
  }
  ~TempDir() { std::filesystem::remove_all(path); }
  std::string write(const std::string &name, const std::string &text) const {
    std::ofstream(path / name, std::ios::binary) << text;
    return (path / name).string();
  }
};

} // namespace

TEST_CASE("a valid dataset loads with its entries, lists and keys") {
  Dataset data = iom::dataset::load_text(k_valid, "t.toml");
  REQUIRE(data.entries.size() == 2);
  CHECK(data.entries[0].name == "Kenya");
  CHECK(data.entries[0].aliases.size() == 1);
  CHECK(data.entries[0].aliases[0] == "Republic of Kenya");
  CHECK(data.entries[1].host == "KE");
  CHECK(data.entries[1].region == iom::RegionIndex{0});
  CHECK(data.entries[1].type == iom::TypeIndex{1});
  CHECK(data.hosts.size() == 1);
  CHECK(data.hosts[0].aliases[0] == "United States");
  CHECK(data.origin == "t.toml");
  CHECK(data.keys.empty());
  iom::query::attach_keys(data);
  CHECK(!data.keys.empty());
}

TEST_CASE("a TOML syntax error is reported with its position") {
  CHECK(error_of(with("id = \"kenya\"", "id = \"kenya")) ==
        "t.toml:35:12: Error while parsing string: unescaped control "
        "characters other than TAB (U+0009) are explicitly prohibited");
}

TEST_CASE("a missing field is reported at its table") {
  CHECK(error_of(with("short_name = \"Kenya\"\n", "")) ==
        "t.toml:34:1: missing field 'short_name' in entries");
}

TEST_CASE("an unknown field is reported at its key") {
  CHECK(error_of(with("short_name = \"Kenya\"\n",
                      "short_name = \"Kenya\"\ncapital = \"Nairobi\"\n")) ==
        "t.toml:38:1: unknown field 'capital' in entries");
}

TEST_CASE("an unknown section is reported") {
  CHECK(error_of(k_valid + "[extra]\nx = \"1\"\n") ==
        "t.toml:70:2: unknown section 'extra'");
}

TEST_CASE("a field of the wrong type is reported") {
  CHECK(error_of(with("languages = [\"en\"]", "languages = \"en\"")) ==
        "t.toml:49:13: field 'languages' must be an array of strings");
  CHECK(error_of(with("numeric = \"404\"", "numeric = 404")) ==
        "t.toml:41:11: field 'numeric' must be a string");
}

TEST_CASE("duplicate ids, names and codes are reported") {
  CHECK(error_of(with("id = \"ro-nairobi\"", "id = \"kenya\"")) ==
        "t.toml:54:6: duplicate id 'kenya'\n"
        "t.toml:13:10: office 'ro-nairobi' is not an entry id");
  CHECK(error_of(
            with("name = \"East and Horn of Africa\"", "name = \"KENYA\"")) ==
        "t.toml:55:8: duplicate name 'KENYA'");
  CHECK(error_of(with("code_status = \"none\"",
                      "code_status = \"iso\"\niso2 = \"KE\"\niso3 = \"KEX\"\n"
                      "numeric = \"999\"")) ==
        "t.toml:59:8: duplicate iso2 'KE'");
}

TEST_CASE("a dangling region, type or office is reported") {
  CHECK(error_of(with("region = \"ehsa\"", "region = \"wca\"")) ==
        "t.toml:43:10: region 'wca' does not exist");
  CHECK(error_of(with("type = \"co\"", "type = \"cocf\"")) ==
        "t.toml:46:8: type 'cocf' does not exist");
  CHECK(error_of(with("office = \"ro-nairobi\"", "office = \"ro-pretoria\"")) ==
        "t.toml:13:10: office 'ro-pretoria' is not an entry id");
  CHECK(error_of(with("host = \"KE\"", "host = \"ZZ\"")) ==
        "t.toml:66:8: host 'ZZ' is neither an entry's iso2 nor a [[hosts]] "
        "iso2");
}

TEST_CASE("malformed codes are reported") {
  CHECK(error_of(with("iso2 = \"KE\"", "iso2 = \"Ke\"")) ==
        "t.toml:39:8: iso2 'Ke' must be two letters A-Z\n"
        "t.toml:66:8: host 'KE' is neither an entry's iso2 nor a [[hosts]] "
        "iso2");
  CHECK(error_of(with("iso3 = \"KEN\"", "iso3 = \"KENY\"")) ==
        "t.toml:40:8: iso3 'KENY' must be three letters A-Z");
  CHECK(error_of(with("numeric = \"404\"", "numeric = \"44\"")) ==
        "t.toml:41:11: numeric '44' must be three digits");
  CHECK(error_of(with("iso2 = \"KE\"", "iso2 = \"XK\"")) ==
        "t.toml:39:8: code 'XK' is user-assigned, not ISO\n"
        "t.toml:66:8: host 'KE' is neither an entry's iso2 nor a [[hosts]] "
        "iso2");
  CHECK(error_of(with("kind = \"country\"", "kind = \"state\"")) ==
        "t.toml:38:8: kind 'state' must be country, territory or office");
  CHECK(error_of(
            with("region_basis = \"sourced\"", "region_basis = \"guessed\"")) ==
        "t.toml:44:16: region_basis must be sourced, default or inferred");
}

TEST_CASE("invalid UTF-8 is reported with its position") {
  CHECK(error_of(with("Republic of Kenya", "Republic of K\xff")) ==
        "t.toml:50:25: Encountered invalid utf-8 sequence");
}

TEST_CASE("control characters in names are refused") {
  CHECK(error_of(with("name = \"Kenya\"", "name = \"Ken\\u001b[31mya\"")) ==
        "t.toml:36:8: field 'name' contains a control character");
}

TEST_CASE("an empty or binary file is refused") {
  CHECK(error_of("") ==
        "t.toml: empty file; expected a dataset like data/iom.toml");
  CHECK(error_of(std::string("[meta]\nx\0y", 10)) ==
        "t.toml:2:2: NUL byte: this is a binary file, not TOML");
}

TEST_CASE("a missing file, a directory and a FIFO are refused") {
  TempDir dir;
  CHECK(file_error_of((dir.path / "nope.toml").string()) ==
        (dir.path / "nope.toml").string() + ": No such file or directory");
  CHECK(file_error_of(dir.path.string()) ==
        dir.path.string() + ": is a directory, not a dataset file");
  std::string fifo = (dir.path / "fifo").string();
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  CHECK(file_error_of(fifo) == fifo + ": not a regular file");
  CHECK(file_error_of("/dev/null") == "/dev/null: not a regular file");
  std::string good = dir.write("good.toml", k_valid);
  CHECK(file_error_of(good) == "(loaded)");
}

TEST_CASE("many problems are capped with a summary line") {
  std::string text = k_valid;
  for (int i = 0; i < 30; ++i)
    text = with("aliases = [\"Republic of Kenya\"]",
                "aliases = [\"Republic of Kenya\"]\nx" + std::to_string(i) +
                    " = \"1\"",
                text);
  std::string message = error_of(text);
  CHECK(std::count(message.begin(), message.end(), '\n') == 20);
  CHECK(message.ends_with("t.toml: 10 more problems not shown"));
}

namespace {

// k_valid with `regions` more [[regions]] tables (r0, r1, ...) after its own
// and `types` more [[types]] tables (t0, t1, ...) after its own.
std::string grown(std::size_t regions, std::size_t types) {
  std::string extra_regions, extra_types;
  for (std::size_t i = 0; i < regions; ++i)
    extra_regions += "[[regions]]\ncode = \"r" + std::to_string(i) +
                     "\"\nname = \"Region " + std::to_string(i) +
                     "\"\noffice = \"ro-nairobi\"\ncity = \"Nairobi\"\n"
                     "basis = \"sourced\"\n\n";
  for (std::size_t i = 0; i < types; ++i)
    extra_types += "[[types]]\ncode = \"t" + std::to_string(i) +
                   "\"\nname = \"Type " + std::to_string(i) +
                   "\"\ndescription = \"A type.\"\n\n";
  std::string text = with("[[types]]", extra_regions + "[[types]]");
  return with("[[hosts]]", extra_types + "[[hosts]]", text);
}

} // namespace

TEST_CASE("as many regions and types as their indices hold load") {
  REQUIRE(iom::k_max_regions == 255);
  REQUIRE(iom::k_max_types == 256);
  std::string text = grown(254, 254);
  text = with("region = \"ehsa\"", "region = \"r253\"", text);
  text = with("type = \"co\"", "type = \"t253\"", text);
  Dataset data = iom::dataset::load_text(text, "t.toml");
  CHECK(data.regions.size() == 255);
  CHECK(data.types.size() == 256);
  CHECK(data.entries[0].region == iom::RegionIndex{254});
  CHECK(data.entries[0].type == iom::TypeIndex{255});
  CHECK(iom::region_of(data, data.entries[0])->code == "r253");
  CHECK(iom::type_of(data, data.entries[0]).code == "t253");
  CHECK(data.entries[1].region == iom::RegionIndex{0});
}

TEST_CASE("more regions or types than the index holds are refused") {
  // At the first table past the limit, before anything refers to it.
  CHECK(error_of(grown(255, 0)) ==
        "t.toml:1795:1: too many regions (256); a dataset may have at most "
        "255");
  CHECK(error_of(grown(0, 255)) ==
        "t.toml:1297:1: too many types (257); a dataset may have at most 256");
  CHECK(error_of(grown(32800, 0)) ==
        "t.toml:1795:1: too many regions (32801); a dataset may have at "
        "most 255");
}

TEST_CASE("an office outside every region has no region index") {
  std::string text = with("region = \"ehsa\"\nregion_basis = \"inferred\"",
                          "region_basis = \"inferred\"");
  Dataset data = iom::dataset::load_text(text, "t.toml");
  CHECK(data.entries[1].region == iom::k_no_region);
  CHECK(iom::region_of(data, data.entries[1]) == nullptr);
}
