// Reading a capture of the directory page: the list with its languages,
// the filter labels, and every page in which no list can be read refused
// with its line, never read as an empty directory.

#include "query/page.hpp"
#include "util/error.hpp"

#include <doctest/doctest.h>

#include <string>

namespace {

using iom::query::parse_page;

// Both lists, as the real page has them: glued, then name and codes apart.
const std::string k_page = "where we work\n"
                           "regions\n"
                           "        west and central africa\n"
                           "office type\n"
                           "        country office\n"
                           "apply\n"
                           "\n"
                           "azerbaijanen az\n"
                           "bhutan\n"
                           "chadfr\n"
                           "regions\n"
                           "        west and central africa\n"
                           "office type\n"
                           "        country office\n"
                           "apply\n"
                           "azerbaijan\n"
                           "en az\n"
                           "\n"
                           "bhutan\n"
                           "chad\n"
                           "fr\n";

std::string error_of(const std::string &text) {
  try {
    parse_page(text, "page.txt");
  } catch (const iom::Error &e) {
    return e.what();
  }
  return "";
}

} // namespace

TEST_CASE("page: the separate list gives names, languages and labels") {
  std::string page = k_page;
  // Only the separate list: no glued one to agree with.
  page = page.substr(page.find("regions", 20));
  iom::query::Page read = parse_page(page, "page.txt");
  REQUIRE(read.entries.size() == 3);
  CHECK(read.entries[0].name == "azerbaijan");
  CHECK(read.entries[0].languages == std::vector<std::string>{"en", "az"});
  CHECK(read.entries[1].name == "bhutan");
  CHECK(read.entries[1].languages.empty());
  CHECK(read.entries[2].languages == std::vector<std::string>{"fr"});
  CHECK(read.entries[2].line == 10);
  CHECK(read.regions == std::vector<std::string>{"west and central africa"});
  CHECK(read.types == std::vector<std::string>{"country office"});
}

TEST_CASE("page: the glued list must agree with the separate one") {
  CHECK(error_of(k_page) == "");
  std::string page = k_page;
  page.replace(page.find("azerbaijanen az"), 15, "azerbaijanen");
  CHECK(error_of(page) ==
        "page.txt:8: the glued list has 'azerbaijanen' where the list at line "
        "16 gives 'azerbaijanen az'");
}

TEST_CASE("page: no directory block is an error, not an empty list") {
  CHECK(error_of("") ==
        "page.txt: no directory list found: expected a 'regions' line and the "
        "region labels, an 'office type' line and the type labels, then "
        "'apply' and the list");
  CHECK(error_of("kenya\nen\n") == error_of(""));
  CHECK(error_of("regions\nx\noffice type\ny\napply\n") ==
        "page.txt:5: no directory list with names and site-language codes on "
        "separate lines after 'apply'");
}

TEST_CASE("page: a slug is the name's normalised words joined by '-'") {
  CHECK(iom::query::slug("new caledonia") == "new-caledonia");
  CHECK(iom::query::slug("Guinea-Bissau") == "guinea-bissau");
}
