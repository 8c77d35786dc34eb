#include "util/encoding.hpp"
#include "util/line_reader.hpp"
#include "util/table_reader.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using iom::util::Encoding;
using iom::util::Line;
using iom::util::LineReader;
using iom::util::Record;
using iom::util::TableReader;

namespace {

struct Row {
  std::vector<std::string> fields; // decoded
  std::string raw;
  std::string ending;
  std::size_t line;
  bool operator==(const Row &) const = default;
};

std::vector<Row> read_table(std::string_view input, char delimiter = ',',
                            std::size_t chunk = 0) {
  LineReader lines(input, iom::util::k_max_record_bytes + 1, chunk);
  TableReader table(lines, delimiter);
  std::vector<Row> rows;
  Record record;
  while (table.next(record)) {
    Row row{
        {}, std::string(record.raw), std::string(record.ending), record.line};
    for (std::size_t i = 0; i < record.fields.size(); ++i) {
      std::string value;
      iom::util::field_value(record.field_raw(i), record.fields[i].quoted,
                             value);
      row.fields.push_back(value);
    }
    rows.push_back(row);
  }
  return rows;
}

} // namespace

TEST_CASE("TableReader: RFC 4180 quoting, kept bytes and line endings") {
  const auto rows = read_table("a,b\r\n\"Congo, Democratic Republic of the\","
                               "\"say \"\"hi\"\"\"\n\"two\nlines\",x");
  REQUIRE(rows.size() == 3);
  CHECK(rows[0] == Row{{"a", "b"}, "a,b", "\r\n", 1});
  CHECK(rows[1].fields ==
        std::vector<std::string>{"Congo, Democratic Republic of the",
                                 "say \"hi\""});
  CHECK(rows[1].ending == "\n");
  CHECK(rows[2] == Row{{"two\nlines", "x"}, "\"two\nlines\",x", "", 3});
}

TEST_CASE("TableReader: empty lines, empty fields and Python's leniency") {
  const auto rows = read_table("\n,\n\"\"\na\"b,\"c\"d\n");
  REQUIRE(rows.size() == 4);
  CHECK(rows[0].fields.empty());
  CHECK(rows[1].fields == std::vector<std::string>{"", ""});
  CHECK(rows[2].fields == std::vector<std::string>{""});
  // Python's csv: a quote inside an unquoted field is kept, and text after
  // a closing quote joins the field.
  CHECK(rows[3].fields == std::vector<std::string>{"a\"b", "cd"});
}

TEST_CASE("TableReader: a CR inside quotes is data, before LF it ends") {
  const auto rows = read_table("\"a\r\nb\"\r\nc\r\n");
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].fields == std::vector<std::string>{"a\r\nb"});
  CHECK(rows[0].ending == "\r\n");
  CHECK(rows[1] == Row{{"c"}, "c", "\r\n", 3});
}

TEST_CASE("TableReader gives the same records however the reads split") {
  const std::string input =
      "\xEF\xBB\xBFname;n\r\n\"Côte d'Ivoire; CI\";1\r\n\"x\r\ny\";\"\"\"\"\n";
  const auto whole = read_table(input, ';');
  REQUIRE(whole.size() == 3);
  CHECK(whole[0].fields == std::vector<std::string>{"name", "n"});
  for (std::size_t chunk = 1; chunk <= 17; ++chunk) {
    CAPTURE(chunk);
    CHECK(read_table(input, ';', chunk) == whole);
  }
}

TEST_CASE("TableReader: an open quote at the end is an error after the rest") {
  LineReader lines(std::string_view("a,b\n1,\"open\nstill open\n"),
                   iom::util::k_max_record_bytes + 1);
  TableReader table(lines, ',');
  Record record;
  REQUIRE(table.next(record));
  CHECK_FALSE(table.next(record));
  REQUIRE(table.error());
  CHECK(table.error()->line == 2);
  CHECK(table.error()->column == 3);
  CHECK(table.error()->message ==
        "a quoted field is not closed before the end of the input");
}

TEST_CASE("detect_delimiter counts outside quotes and refuses a tie") {
  using iom::util::detect_delimiter;
  CHECK(detect_delimiter("a\tb\tc", ',') == '\t');
  CHECK(detect_delimiter("a;b;c,d", ',') == ';');
  CHECK(detect_delimiter("\"a,b,c\";d", ',') == ';');
  CHECK(detect_delimiter("a|b", ',') == '|');
  CHECK(detect_delimiter("country", ',') == ',');
  CHECK(detect_delimiter("country", '\t') == '\t');
  CHECK(detect_delimiter("a;b,c", ',') == 0);
}

TEST_CASE("LineReader stops at the line of a byte that is not UTF-8") {
  for (std::size_t chunk : {0, 1, 2, 3, 5}) {
    CAPTURE(chunk);
    LineReader reader(std::string_view("Kenya\nC\xF4te\nnext\n"), 100, chunk);
    Line line;
    REQUIRE(reader.next(line));
    CHECK(line.text == "Kenya");
    CHECK_FALSE(reader.next(line));
    REQUIRE(reader.error());
    CHECK(reader.error()->column == 2);
    CHECK(reader.error()->byte == 0xF4);
  }
  // A sequence split across reads is whole, and a cut one at the end is not.
  for (std::size_t chunk : {1, 2, 3}) {
    LineReader split(std::string_view("C\xC3\xB4te\n\xE2\x82"), 100, chunk);
    Line line;
    REQUIRE(split.next(line));
    CHECK(line.text == "C\xC3\xB4te");
    CHECK_FALSE(split.next(line));
    REQUIRE(split.error());
    CHECK(split.error()->column == 1);
  }
}

TEST_CASE("LineReader transcodes Windows-1252 and Latin-1") {
  Line line;
  LineReader cp1252(std::string_view("C\xF4te d\x92Ivoire\n\x80"), 100, 0,
                    Encoding::cp1252);
  REQUIRE(cp1252.next(line));
  CHECK(line.text == "C\xC3\xB4te d\xE2\x80\x99Ivoire");
  REQUIRE(cp1252.next(line));
  CHECK(line.text == "\xE2\x82\xAC");
  CHECK_FALSE(cp1252.next(line));
  CHECK_FALSE(cp1252.error());

  LineReader undefined(std::string_view("ok\nbad \x81\n"), 100, 0,
                       Encoding::cp1252);
  REQUIRE(undefined.next(line));
  CHECK_FALSE(undefined.next(line));
  REQUIRE(undefined.error());
  CHECK(undefined.error()->byte == 0x81);

  LineReader latin1(std::string_view("\x81\xE9"), 100, 0, Encoding::latin1);
  REQUIRE(latin1.next(line));
  CHECK(line.text == "\xC2\x81\xC3\xA9");
  CHECK_FALSE(line.terminated);
}
