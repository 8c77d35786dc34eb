#include "render/delimited.hpp"
#include "render/json.hpp"
#include "render/rows.hpp"
#include "render/stream.hpp"
#include "render/table.hpp"

#include <doctest/doctest.h>

#include <deque>
#include <initializer_list>
#include <string>
#include <string_view>

using namespace std::string_view_literals;
using iom::render::Cell;
using iom::render::Column;
using iom::render::Emphasis;
using iom::render::Format;
using iom::render::Options;
using iom::render::Rows;

namespace {

constexpr std::string_view k_flag_ke = "\U0001F1F0\U0001F1EA";

Column column(std::string name, std::string header, bool is_number = false) {
  return {std::move(name), std::move(header), false, is_number};
}

Column list_column(std::string name, std::string header) {
  return {std::move(name), std::move(header), true, false};
}

Rows single(std::initializer_list<std::string_view> values) {
  Rows rows;
  rows.columns = {column("value", "Value")};
  for (const std::string_view value : values) {
    rows.cells.push_back({Cell{std::string(value), {}, Emphasis::none}});
  }
  return rows;
}

// Names of different display widths: precomposed accents, CJK and a flag.
Rows countries() {
  Rows rows;
  rows.columns = {column("name", "Name"), column("iso3", "ISO3"),
                  column("offices", "Offices", true)};
  const auto add = [&](std::string_view name, std::string_view iso3,
                       std::string_view offices) {
    rows.cells.push_back({Cell{std::string(name), {}, Emphasis::none},
                          Cell{std::string(iso3), {}, Emphasis::none},
                          Cell{std::string(offices), {}, Emphasis::none}});
  };
  add("Côte d'Ivoire", "CIV", "3");
  add("Türkiye", "TUR", "12");
  add("中国", "CHN", "1");
  add(std::string(k_flag_ke) + " Kenya", "KEN", "4");
  return rows;
}

Rows with_note() {
  Rows rows;
  rows.columns = {column("name", "Name"), column("note", "Note")};
  rows.cells = {
      {Cell{"Côte d'Ivoire", {}, Emphasis::none},
       Cell{"Regional office for West and Central Africa", {}, Emphasis::none}},
      {Cell{"Türkiye", {}, Emphasis::none}, Cell{"x", {}, Emphasis::none}},
  };
  return rows;
}

Rows empty_rows() {
  Rows rows;
  rows.columns = {column("name", "Name"), column("iso3", "ISO3")};
  return rows;
}

std::string render(const Rows &rows, Format format, Options options = {}) {
  std::string out;
  iom::render::write(out, rows, format, options);
  return out;
}

Options no_header() {
  Options options;
  options.header = false;
  return options;
}

} // namespace

TEST_SUITE_BEGIN("render::table");

TEST_CASE("table aligns columns by display width") {
  CHECK(render(countries(), Format::table) ==
        "Name           ISO3  Offices\n"
        "Côte d'Ivoire  CIV         3\n"
        "Türkiye        TUR        12\n"
        "中国           CHN         1\n"
        "\U0001F1F0\U0001F1EA Kenya       KEN         4\n");
}

TEST_CASE("table without header prints the rows only") {
  CHECK(render(countries(), Format::table, no_header()) ==
        "Côte d'Ivoire  CIV   3\n"
        "Türkiye        TUR  12\n"
        "中国           CHN   1\n"
        "\U0001F1F0\U0001F1EA Kenya       KEN   4\n");
}

TEST_CASE("table lines never end in spaces") {
  Rows rows;
  rows.columns = {column("a", "A"), column("b", "B"), column("c", "C")};
  rows.cells = {{Cell{"x", {}, Emphasis::none}, Cell{}, Cell{}},
                {Cell{}, Cell{"long", {}, Emphasis::none}, Cell{}}};
  CHECK(render(rows, Format::table) == "A  B     C\n"
                                       "x\n"
                                       "   long\n");
}

TEST_CASE("table treats a short row as empty cells") {
  Rows rows = countries();
  rows.cells[1].resize(1);
  CHECK(render(rows, Format::table, no_header()) ==
        "Côte d'Ivoire  CIV  3\n"
        "Türkiye\n"
        "中国           CHN  1\n"
        "\U0001F1F0\U0001F1EA Kenya       KEN  4\n");
}

TEST_CASE("table colours the header and dim cells only when asked") {
  Rows rows = countries();
  rows.cells.resize(2);
  rows.cells[1][1].emphasis = Emphasis::dim;
  CHECK(render(rows, Format::table) == "Name           ISO3  Offices\n"
                                       "Côte d'Ivoire  CIV         3\n"
                                       "Türkiye        TUR        12\n");
  Options color;
  color.color = true;
  CHECK(render(rows, Format::table, color) ==
        "\x1b[1mName\x1b[0m           \x1b[1mISO3\x1b[0m  "
        "\x1b[1mOffices\x1b[0m\n"
        "Côte d'Ivoire  CIV         3\n"
        "Türkiye        \x1b[2mTUR\x1b[0m        12\n");
}

TEST_CASE("table escapes control characters even off a terminal") {
  Rows rows = single({"red\x1b[31mtext", "a\tb", "\xff"});
  CHECK(render(rows, Format::table) == "Value\n"
                                       "red\\x1b[31mtext\n"
                                       "a\\x09b\n"
                                       "\\xff\n");
}

TEST_CASE("table narrows the widest column to fit the width") {
  Options options;
  options.width = 30;
  CHECK(render(with_note(), Format::table, options) ==
        "Name           Note\n"
        "Côte d'Ivoire  Regional offic…\n"
        "Türkiye        x\n");
}

TEST_CASE("table narrows columns in turn down to eight columns") {
  Options options;
  options.width = 20;
  CHECK(render(with_note(), Format::table, options) == "Name       Note\n"
                                                       "Côte d'I…  Regional…\n"
                                                       "Türkiye    x\n");
  options.width = 5;
  CHECK(render(with_note(), Format::table, options) == "Name      Note\n"
                                                       "Côte d'…  Regiona…\n"
                                                       "Türkiye   x\n");
}

TEST_CASE("table never truncates when width is zero or wide enough") {
  Options options;
  options.width = 58;
  const std::string full = render(with_note(), Format::table);
  CHECK(render(with_note(), Format::table, options) == full);
  CHECK(full.find("…") == std::string::npos);
}

TEST_CASE("table truncation does not split a flag or a wide character") {
  Rows rows = single({"\U0001F1F0\U0001F1EA\U0001F1FA\U0001F1EC"
                      "\U0001F1F9\U0001F1FF\U0001F1F7\U0001F1FC"
                      "\U0001F1E7\U0001F1EE",
                      "中国人民共和国"});
  Options options;
  options.width = 8;
  CHECK(render(rows, Format::table, options) ==
        "Value\n"
        "\U0001F1F0\U0001F1EA\U0001F1FA\U0001F1EC\U0001F1F9\U0001F1FF…\n"
        "中国人…\n");
}

TEST_CASE("table with no rows prints the header only") {
  CHECK(render(empty_rows(), Format::table) == "Name  ISO3\n");
  CHECK(render(empty_rows(), Format::table, no_header()) == "");
}

TEST_SUITE_END();

TEST_SUITE_BEGIN("render::md");

TEST_CASE("md writes an aligned GitHub table, numbers right-aligned") {
  CHECK(render(countries(), Format::md) ==
        "| Name          | ISO3 | Offices |\n"
        "| ------------- | ---- | ------: |\n"
        "| Côte d'Ivoire | CIV  |       3 |\n"
        "| Türkiye       | TUR  |      12 |\n"
        "| 中国          | CHN  |       1 |\n"
        "| \U0001F1F0\U0001F1EA Kenya      | KEN  |       4 |\n");
}

TEST_CASE("md without header drops the header and the separator") {
  CHECK(render(countries(), Format::md, no_header()) ==
        "| Côte d'Ivoire | CIV |   3 |\n"
        "| Türkiye       | TUR |  12 |\n"
        "| 中国          | CHN |   1 |\n"
        "| \U0001F1F0\U0001F1EA Kenya      | KEN |   4 |\n");
}

TEST_CASE("md escapes pipes, line breaks and control characters") {
  Rows rows = single({"a|b", "one\ntwo\r\nthree\rfour", "esc\x1b[0m"});
  CHECK(render(rows, Format::md) == "| Value                       |\n"
                                    "| --------------------------- |\n"
                                    "| a\\|b                        |\n"
                                    "| one<br>two<br>three<br>four |\n"
                                    "| esc\\x1b[0m                  |\n");
}

TEST_CASE("md ignores colour and width") {
  Options options;
  options.color = true;
  options.width = 10;
  CHECK(render(countries(), Format::md, options) ==
        render(countries(), Format::md));
}

TEST_CASE("md with no rows prints the header and separator only") {
  CHECK(render(empty_rows(), Format::md) == "| Name | ISO3 |\n"
                                            "| ---- | ---- |\n");
  CHECK(render(empty_rows(), Format::md, no_header()) == "");
}

TEST_SUITE_END();

TEST_SUITE_BEGIN("render::tsv");

TEST_CASE("tsv writes column names and raw values") {
  CHECK(render(countries(), Format::tsv) ==
        "name\tiso3\toffices\n"
        "Côte d'Ivoire\tCIV\t3\n"
        "Türkiye\tTUR\t12\n"
        "中国\tCHN\t1\n"
        "\U0001F1F0\U0001F1EA Kenya\tKEN\t4\n");
}

TEST_CASE("tsv without header prints the rows only") {
  Rows rows = countries();
  rows.cells.resize(1);
  CHECK(render(rows, Format::tsv, no_header()) == "Côte d'Ivoire\tCIV\t3\n");
}

TEST_CASE("tsv escapes backslash, tab, newline and carriage return") {
  std::string out;
  iom::render::append_tsv_field(out, "a\tb\\c\nd\re\\t");
  CHECK(out == "a\\tb\\\\c\\nd\\re\\\\t");
  CHECK(render(single({"x\ty"}), Format::tsv) == "value\nx\\ty\n");
}

TEST_CASE("tsv escapes other controls only on a terminal") {
  Rows rows = single({"red\x1b[31m\t\\"});
  CHECK(render(rows, Format::tsv, no_header()) == "red\x1b[31m\\t\\\\\n");
  Options terminal = no_header();
  terminal.terminal = true;
  CHECK(render(rows, Format::tsv, terminal) == "red\\x1b[31m\\t\\\\\n");
}

TEST_CASE("tsv with no rows prints the header only") {
  CHECK(render(empty_rows(), Format::tsv) == "name\tiso3\n");
  CHECK(render(empty_rows(), Format::tsv, no_header()) == "");
}

TEST_SUITE_END();

TEST_SUITE_BEGIN("render::csv");

TEST_CASE("csv writes column names and CRLF line endings") {
  Rows rows = countries();
  rows.cells.resize(2);
  CHECK(render(rows, Format::csv) == "name,iso3,offices\r\n"
                                     "Côte d'Ivoire,CIV,3\r\n"
                                     "Türkiye,TUR,12\r\n");
}

TEST_CASE("csv quotes fields that need it, and only those") {
  const auto field = [](std::string_view s, char delimiter = ',') {
    std::string out;
    iom::render::append_csv_field(out, s, delimiter);
    return out;
  };
  CHECK(field("plain text") == "plain text");
  CHECK(field("") == "");
  CHECK(field("Bonaire, Sint Eustatius") == "\"Bonaire, Sint Eustatius\"");
  CHECK(field("say \"hi\"") == "\"say \"\"hi\"\"\"");
  CHECK(field("\"") == "\"\"\"\"");
  CHECK(field("a\rb") == "\"a\rb\"");
  CHECK(field("a\nb") == "\"a\nb\"");
  CHECK(field(" leading") == "\" leading\"");
  CHECK(field("trailing ") == "\"trailing \"");
  CHECK(field("\ttab") == "\"\ttab\"");
  CHECK(field("a;b") == "a;b");
  CHECK(field("a;b", ';') == "\"a;b\"");
  CHECK(field("a,b", ';') == "a,b");
}

// The scan for a byte that needs quotes reads words and 16-byte blocks,
// the last one overlapping: each such byte, at each place in fields of each
// length around those sizes, is found, and a field without one is not quoted.
TEST_CASE("csv finds a byte that needs quotes wherever it is") {
  for (std::size_t length = 1; length <= 40; ++length) {
    const std::string plain(length, 'a');
    std::string out;
    iom::render::append_csv_field(out, plain, ',');
    CHECK(out == plain);
    for (const char special : {',', '"', '\n', '\r', ';'}) {
      for (std::size_t at = 0; at < length; ++at) {
        std::string text = plain;
        text[at] = special;
        out.clear();
        iom::render::append_csv_field(out, text, ';');
        CAPTURE(length);
        CAPTURE(at);
        CAPTURE(special);
        REQUIRE_FALSE(out.empty());
        CHECK((out.front() == '"') == (special != ','));
      }
    }
  }
}

// A row is assembled with 16-byte loads and stores of its own, apart from
// append_csv_field: every field, of each length around those sizes, with a
// byte that needs quotes (or a blank at an end) at each place, lent or in
// text, in rows shorter than their columns, comes out as append_csv_field
// writes it.
TEST_CASE("csv rows write every field as append_csv_field does") {
  std::vector<std::string> fields;
  for (std::size_t length = 0; length <= 40; ++length) {
    fields.emplace_back(length, 'a');
    for (const char special : {';', '"', '\n', '\r', ' ', '\t', ','})
      for (std::size_t at = 0; at < length; ++at) {
        std::string text(length, 'a');
        text[at] = special;
        fields.push_back(text);
      }
  }
  fields.emplace_back("a \"b\" \"\"c");
  for (const bool lend : {false, true})
    for (const std::size_t ncols : {1, 2, 3, 7}) {
      Rows rows;
      for (std::size_t c = 0; c < ncols; ++c)
        rows.columns.push_back(column(std::to_string(c), "C"));
      std::deque<std::string> lent; // stays put while it grows
      for (std::size_t f = 0; f < fields.size(); ++f) {
        std::vector<Cell> row(1 + f % ncols);
        for (std::size_t c = 0; c < row.size(); ++c) {
          const std::string &text = fields[(f + c * 13) % fields.size()];
          if (lend)
            row[c].lent = lent.emplace_back(text);
          else
            row[c].text = text;
        }
        rows.cells.push_back(std::move(row));
      }
      std::string expected;
      for (const auto &row : rows.cells) {
        const bool lone_empty =
            ncols == 1 && iom::render::cell_at(row, 0).value().empty();
        for (std::size_t c = 0; c < ncols; ++c) {
          expected += c > 0 ? ";" : "";
          iom::render::append_csv_field(
              expected, iom::render::cell_at(row, c).value(), ';');
        }
        expected += lone_empty ? "\"\"\r\n" : "\r\n";
      }
      Options options;
      options.header = false;
      options.delimiter = ';';
      std::string out;
      iom::render::write(out, rows, Format::csv, options);
      CAPTURE(lend);
      CAPTURE(ncols);
      CHECK(out == expected);
    }
}

TEST_CASE("csv without header prints the rows only") {
  Rows rows = countries();
  rows.cells.resize(1);
  CHECK(render(rows, Format::csv, no_header()) == "Côte d'Ivoire,CIV,3\r\n");
}

TEST_CASE("csv uses the chosen delimiter") {
  Rows rows = countries();
  rows.cells.resize(1);
  rows.cells[0][0].text = "Bonaire, Sint Eustatius; Saba";
  Options options;
  options.delimiter = ';';
  CHECK(render(rows, Format::csv, options) ==
        "name;iso3;offices\r\n"
        "\"Bonaire, Sint Eustatius; Saba\";CIV;3\r\n");
}

TEST_CASE("csv prepends a byte order mark when asked") {
  Options options;
  options.bom = true;
  CHECK(render(empty_rows(), Format::csv, options) ==
        "\xEF\xBB\xBFname,iso3\r\n");
  options.header = false;
  CHECK(render(single({"x"}), Format::csv, options) == "\xEF\xBB\xBFx\r\n");
  CHECK(render(single({"x"}), Format::tsv, options) == "x\n");
}

TEST_CASE("csv quotes a lone empty field so the row is not a blank line") {
  CHECK(render(single({"a", "", "b"}), Format::csv, no_header()) ==
        "a\r\n\"\"\r\nb\r\n");
}

TEST_CASE("csv escapes control characters only on a terminal") {
  Rows rows = single({"red\x1b[31m", "a\nb"});
  CHECK(render(rows, Format::csv, no_header()) ==
        "red\x1b[31m\r\n\"a\nb\"\r\n");
  Options terminal = no_header();
  terminal.terminal = true;
  CHECK(render(rows, Format::csv, terminal) == "red\\x1b[31m\r\na\\x0ab\r\n");
}

TEST_CASE("csv with no rows prints the header only") {
  CHECK(render(empty_rows(), Format::csv) == "name,iso3\r\n");
  CHECK(render(empty_rows(), Format::csv, no_header()) == "");
}

TEST_SUITE_END();

TEST_SUITE_BEGIN("render::json");

namespace {

std::string json_string(std::string_view s) {
  std::string out;
  iom::render::append_json_string(out, s);
  return out;
}

Rows offices() {
  Rows rows;
  rows.columns = {column("name", "Name"), column("numeric", "Numeric", true),
                  column("offices", "Offices", true),
                  list_column("languages", "Languages"),
                  column("host", "Host")};
  rows.cells = {
      {Cell{"Côte d'Ivoire", {}, Emphasis::none},
       Cell{"384", {}, Emphasis::none}, Cell{"3", {}, Emphasis::none},
       Cell{"fr; en", {"fr", "en"}, Emphasis::dim}, Cell{}},
      {Cell{"Afghanistan", {}, Emphasis::none}, Cell{"004", {}, Emphasis::none},
       Cell{"0", {}, Emphasis::none}, Cell{}, Cell{"US", {}, Emphasis::none}},
  };
  return rows;
}

} // namespace

TEST_CASE("json escapes every C0 control and DEL") {
  std::string controls;
  for (char c = 0; c < 0x20; ++c) {
    controls += c;
  }
  controls += '\x7f';
  CHECK(json_string(controls) ==
        "\"\\u0000\\u0001\\u0002\\u0003\\u0004\\u0005\\u0006\\u0007"
        "\\b\\t\\n\\u000b\\f\\r\\u000e\\u000f"
        "\\u0010\\u0011\\u0012\\u0013\\u0014\\u0015\\u0016\\u0017"
        "\\u0018\\u0019\\u001a\\u001b\\u001c\\u001d\\u001e\\u001f"
        "\\u007f\"");
}

TEST_CASE("json escapes quotes and backslashes and keeps other text") {
  CHECK(json_string("") == "\"\"");
  CHECK(json_string("say \"hi\" C:\\") == "\"say \\\"hi\\\" C:\\\\\"");
  CHECK(json_string("Côte d'Ivoire 中国 /") == "\"Côte d'Ivoire 中国 /\"");
}

TEST_CASE("json escapes C1 controls and line and paragraph separators") {
  CHECK(json_string("a\u2028b\u2029c") == "\"a\\u2028b\\u2029c\"");
  CHECK(json_string("\xc2\x85\xc2\x9b") == "\"\\u0085\\u009b\"");
  CHECK(json_string("\xc2\xa0") == "\"\xc2\xa0\"");
}

TEST_CASE("json replaces invalid UTF-8 with U+FFFD") {
  CHECK(json_string("T\xfcrkiye") == "\"T\uFFFDrkiye\"");
  CHECK(json_string("\xe2\x82"
                    "A") == "\"\uFFFDA\"");
  CHECK(json_string("\xc0\xaf") == "\"\uFFFD\uFFFD\"");
  CHECK(json_string("\xed\xa0\x80") == "\"\uFFFD\uFFFD\uFFFD\"");
}

TEST_CASE("json writes one object per line inside an array") {
  CHECK(render(offices(), Format::json) ==
        "[\n"
        "  {\"name\":\"Côte d'Ivoire\",\"numeric\":384,\"offices\":3,"
        "\"languages\":[\"fr\",\"en\"],\"host\":null},\n"
        "  {\"name\":\"Afghanistan\",\"numeric\":\"004\",\"offices\":0,"
        "\"languages\":[],\"host\":\"US\"}\n"
        "]\n");
}

TEST_CASE("json keeps a non-integer in a number column as a string") {
  Rows rows;
  rows.columns = {column("n", "N", true)};
  rows.cells = {{Cell{"12a", {}, Emphasis::none}},
                {Cell{"-1", {}, Emphasis::none}},
                {Cell{"1.5", {}, Emphasis::none}}};
  CHECK(render(rows, Format::jsonl) ==
        "{\"n\":\"12a\"}\n{\"n\":\"-1\"}\n{\"n\":\"1.5\"}\n");
}

TEST_CASE("jsonl writes one compact object per line") {
  CHECK(render(offices(), Format::jsonl) ==
        "{\"name\":\"Côte d'Ivoire\",\"numeric\":384,\"offices\":3,"
        "\"languages\":[\"fr\",\"en\"],\"host\":null}\n"
        "{\"name\":\"Afghanistan\",\"numeric\":\"004\",\"offices\":0,"
        "\"languages\":[],\"host\":\"US\"}\n");
}

TEST_CASE("json escapes keys and list items") {
  Rows rows;
  rows.columns = {column("k\"ey", "K"), list_column("list", "L")};
  rows.cells = {{Cell{"v", {}, Emphasis::none},
                 Cell{"", {"a\"b", "\x1b", ""}, Emphasis::none}}};
  CHECK(render(rows, Format::jsonl) ==
        "{\"k\\\"ey\":\"v\",\"list\":[\"a\\\"b\",\"\\u001b\",\"\"]}\n");
}

TEST_CASE("json ignores header, colour and terminal options") {
  Options options = no_header();
  options.color = true;
  options.terminal = true;
  options.width = 10;
  Rows rows = offices();
  rows.cells[0][0].text = "esc\x1b";
  CHECK(render(rows, Format::json, options) == render(rows, Format::json));
  CHECK(render(rows, Format::jsonl, options) == render(rows, Format::jsonl));
}

TEST_CASE("json with no rows prints an empty array, jsonl nothing") {
  CHECK(render(empty_rows(), Format::json) == "[]\n");
  CHECK(render(empty_rows(), Format::json, no_header()) == "[]\n");
  CHECK(render(empty_rows(), Format::jsonl) == "");
}

TEST_SUITE_END();

TEST_SUITE_BEGIN("render::write");

TEST_CASE("write dispatches to the writer of each format") {
  const Rows rows = countries();
  const Options options;
  const auto direct = [&](auto writer) {
    std::string out;
    writer(out, rows, options);
    return out;
  };
  CHECK(render(rows, Format::table) == direct(iom::render::write_table));
  CHECK(render(rows, Format::md) == direct(iom::render::write_md));
}

TEST_CASE("streaming row by row gives what write gives for whole rows") {
  const Rows rows = countries();
  for (Format format :
       {Format::tsv, Format::csv, Format::json, Format::jsonl}) {
    CAPTURE(static_cast<int>(format));
    CHECK(iom::render::RowStream::supports(format));
    std::string streamed;
    iom::render::RowStream stream(streamed, rows.columns, format, Options{});
    for (const auto &row : rows.cells)
      stream.row(row);
    stream.finish();
    CHECK(streamed == render(rows, format));
  }
  CHECK_FALSE(iom::render::RowStream::supports(Format::table));
  CHECK_FALSE(iom::render::RowStream::supports(Format::md));
}

TEST_CASE("write appends to what the buffer already holds") {
  std::string out = "before\n";
  iom::render::write(out, single({"x"}), Format::tsv, no_header());
  CHECK(out == "before\nx\n");
}

TEST_SUITE_END();
