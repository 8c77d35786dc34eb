// toml++ 3.3.0 reaches TOML_UNREACHABLE (undefined behaviour) for most
// non-ASCII code points where its parser asks "is this whitespace?"
// (marzer/tomlplusplus #190 and #295, fixed by #305 after 3.4.0).
// dataset/toml_guard.hpp makes those code points plain non-whitespace, as the
// fix does. These cases put every such code point in every whitespace
// position the parser checks and load it with load_text: under the asan
// preset, where UBSan halts on error, they fail without the guard. With it, an
// invalid document gets a TOML error at the code point's own LINE:COL, and a
// valid one loads with the code point in its string.

#include "dataset/load.hpp"
#include "util/error.hpp"

#include <doctest/doctest.h>

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>

namespace {

// The code points that reach the default case of toml++ 3.3.0's
// is_non_ascii_horizontal_whitespace: it splits U+00A0..U+FEFF into blocks of
// 0x3FA code points, and blocks 0, 11 and 63 have no case of their own. The
// real whitespace in them (U+00A0, U+3000, U+FEFF) is answered before.
constexpr std::pair<char32_t, char32_t> k_bad_ranges[] = {
    {0x00A1, 0x0499}, {0x2C5E, 0x2FFF}, {0x3001, 0x3057}, {0xFB26, 0xFEFE}};

std::string utf8(char32_t c) {
  std::string out;
  if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
  } else {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
  }
  out += static_cast<char>(0x80 | (c & 0x3F));
  return out;
}

// "t.toml:LINE:COL: " of the '@' in a template; toml++ counts columns in code
// points, and every other character of the templates is ASCII.
std::string position_of_at(std::string_view text) {
  std::size_t line = 1, column = 1;
  for (char c : text.substr(0, text.find('@'))) {
    if (c == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  return "t.toml:" + std::to_string(line) + ":" + std::to_string(column) + ": ";
}

std::string fill(std::string_view text, char32_t c) {
  std::string out(text);
  out.replace(out.find('@'), 1, utf8(c));
  return out;
}

std::string error_of(const std::string &text) {
  try {
    iom::dataset::load_text(text, "t.toml");
  } catch (const iom::Error &error) {
    return error.what();
  }
  return "(loaded)";
}

// Invalid TOML with the code point where the parser looks for whitespace: at
// the start of a line, around keys, '=', values, table headers, inside arrays
// and inline tables, and after a backslash in a multi-line basic string.
constexpr std::string_view k_invalid[] = {
    "@a = 1\n",
    "a = 1\n@b = 2\n",
    "  @a = 1\n",
    "a@ = 1\n",
    "a @= 1\n",
    "\"a\"@ = 1\n",
    "'a' @= 1\n",
    "a@.b = 1\n",
    "a.@b = 1\n",
    "a =@1\n",
    "a = @1\n",
    "a = 1@\n",
    "a = 1 @\n",
    "a = 0x1f@\n",
    "a = 1.5@\n",
    "a = 1e3@\n",
    "a = inf@\n",
    "a = true@\n",
    "a = false @\n",
    "a = \"x\"@\n",
    "a = 'x'@\n",
    "a = \"\"\"x\"\"\"@\n",
    "a = '''x'''@\n",
    "a = 1979-05-27@\n",
    "a = 1979-05-27T07:32:00@\n",
    "a = 1979-05-27 07:32:00Z@\n",
    "a = 07:32:00@\n",
    "a = 1 # c\n@\n",
    "[@t]\n",
    "[t@]\n",
    "[t]@\n",
    "[ t ] @\n",
    "[t.@u]\n",
    "[[@t]]\n",
    "[[t]]@\n",
    "a = [@1]\n",
    "a = [1@]\n",
    "a = [1,@2]\n",
    "a = [1, 2,@]\n",
    "a = [\n@1]\n",
    "a = [[1]@]\n",
    "a = {@b = 1}\n",
    "a = {b@ = 1}\n",
    "a = {b =@1}\n",
    "a = {b = 1@}\n",
    "a = {b = 1,@c = 2}\n",
    "a = {b = {}@}\n",
    "s = \"\"\"\\@\"\"\"\n",
    "s = \"\"\"\\ @\n\"\"\"\n",
};

// A valid dataset whose meta.source_note is the multi-line basic string "%".
const std::string k_valid_with_note = R"([meta]
data_version = "t1"
captured = "2025-02-11"
source = "https://example.org/"
source_note = %
claim_countries = "1"
claim_field_offices = "0"
claim_regions = "1"

[[regions]]
code = "ehsa"
name = "East, Horn and Southern Africa"
office = "ro-nairobi"
city = "Nairobi, Kenya"
basis = "inferred"

[[types]]
code = "ro"
name = "Regional Office"
description = "A regional office."

[[hosts]]
iso2 = "KE"
iso3 = "KEN"
numeric = "404"
name = "Kenya"
aliases = []

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
aliases = []
sources = []
)";

// Valid TOML: after a line-ending backslash the parser skips whitespace and
// newlines, and asks about the code point that ends the skip; the string is
// what follows.
struct ValidCase {
  std::string_view toml;
  std::string_view value;
};
constexpr ValidCase k_valid[] = {
    {"\"\"\"\\\n@\"\"\"", "@"},
    {"\"\"\"\\\n   @\"\"\"", "@"},
    {"\"\"\"x\\  \n\n\t @y\"\"\"", "x@y"},
    {"\"\"\"\\\t\r\n@\\\n@\"\"\"", "@@"},
};

std::string fill_all(std::string_view text, char32_t c) {
  std::string out(text);
  for (auto at = out.find('@'); at != std::string::npos; at = out.find('@'))
    out.replace(at, 1, utf8(c));
  return out;
}

} // namespace

TEST_CASE("a non-ASCII code point where toml++ looks for whitespace is a TOML "
          "error at its own position") {
  for (std::string_view toml : k_invalid) {
    const std::string position = position_of_at(toml);
    for (auto [first, last] : k_bad_ranges) {
      for (char32_t c = first; c <= last; ++c) {
        const std::string text = fill(toml, c);
        const std::string error = error_of(text);
        INFO("document: " << text);
        REQUIRE(error.rfind(position, 0) == 0);
        REQUIRE(error.find('\n') == std::string::npos);
      }
    }
  }
}

TEST_CASE("a non-ASCII code point after a line-ending backslash starts the "
          "rest of the string") {
  for (auto [toml, value] : k_valid) {
    for (auto [first, last] : k_bad_ranges) {
      for (char32_t c = first; c <= last; ++c) {
        std::string text = k_valid_with_note;
        text.replace(text.find('%'), 1, fill_all(toml, c));
        INFO("document: " << text);
        const iom::Dataset data = iom::dataset::load_text(text, "t.toml");
        REQUIRE(data.meta.source_note == fill_all(value, c));
      }
    }
  }
}

TEST_CASE("the fuzz regressions of the toml++ bug: one TOML error, one "
          "dataset-level report") {
  // regressions/fuzz_dataset/toml_unreachable_line_start and _multiline.
  const std::string line_start = error_of("\xC3\xA9 = \"x\"\n");
  CHECK(line_start.rfind("t.toml:1:1: ", 0) == 0);
  CHECK(line_start.find('\n') == std::string::npos);
  const std::string multiline = error_of("s = \"\"\"\\\n\xC2\xA7\"\"\"\n");
  CHECK(multiline.rfind("t.toml:1:1: unknown section 's'", 0) == 0);
}

TEST_CASE("a table header that does not start with a key is a TOML error") {
  // toml++ assumes a key character there (TOML_ASSERT_ASSUME: an assert, or
  // with NDEBUG an assumption that is undefined behaviour when false).
  for (std::string_view toml : {"[=]\n", "[[=]]\n", "[#]\n", "[.a]\n", "[ =]\n",
                                "[a.=]\n", "[\xC3\xA9]\n"}) {
    const std::string error = error_of(std::string(toml));
    INFO("document: " << toml);
    CHECK(error.find(": Error while parsing key: expected bare key starting "
                     "character or string delimiter, saw '") !=
          std::string::npos);
  }
}
