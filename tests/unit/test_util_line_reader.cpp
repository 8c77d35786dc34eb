#include "util/line_reader.hpp"

#include "util/error.hpp"

#include <doctest/doctest.h>

#include <random>
#include <string>
#include <unistd.h>
#include <utility>
#include <vector>

using iom::util::Line;
using iom::util::LineReader;

namespace {

struct Got {
  std::string text;
  std::size_t length;
  bool operator==(const Got &) const = default;
};
using Lines = std::vector<Got>;

// Reads `input` through a pipe in reads of at most `buffer` bytes (a pipe
// that already holds everything returns exactly that much per read).
Lines read_all(std::string_view input, std::size_t keep = 100,
               std::size_t buffer = 64) {
  int fds[2];
  REQUIRE(::pipe(fds) == 0);
  REQUIRE(input.size() < 60000); // fits in the pipe: no writer thread
  REQUIRE(::write(fds[1], input.data(), input.size()) ==
          static_cast<ssize_t>(input.size()));
  ::close(fds[1]);
  LineReader reader(fds[0], keep, buffer);
  Lines lines;
  Line line;
  while (reader.next(line))
    lines.push_back({std::string(line.text), line.length});
  CHECK_FALSE(reader.next(line)); // the end stays the end
  ::close(fds[0]);
  return lines;
}

} // namespace

TEST_CASE("LineReader splits at newlines and drops them, keeping CR") {
  CHECK(read_all("kenya\nTR\r\n") == Lines{{"kenya", 5}, {"TR\r", 3}});
}

TEST_CASE("LineReader counts blank lines and a final line without newline") {
  CHECK(read_all("a\n\nb") == Lines{{"a", 1}, {"", 0}, {"b", 1}});
  CHECK(read_all("\n") == Lines{{"", 0}});
  CHECK(read_all("\n\n") == Lines{{"", 0}, {"", 0}});
  CHECK(read_all("") == Lines{});
}

TEST_CASE("LineReader gives the same lines however the reads split them") {
  const std::string input = "Kenya\nCôte d'Ivoire\n\nx\nlonger line here\nend";
  const Lines whole = read_all(input, 100, 4096);
  REQUIRE(whole.size() == 6);
  for (std::size_t buffer = 1; buffer <= 20; ++buffer) {
    CAPTURE(buffer);
    CHECK(read_all(input, 100, buffer) == whole);
  }
}

// Lines of many lengths, of bytes that differ from '\n' by one bit (0x0B,
// 0x0E, 0x1A, 0x8A in "ʊ") or by one (0x09), and NUL: each line is its bytes
// up to the first newline, wherever the reads split them.
TEST_CASE("LineReader finds the first newline of lines of many lengths") {
  std::mt19937 rng(5);
  const std::string_view bytes[] = {"a",        "\x0B", "\x0E",   "\x1A",
                                    "\xCA\x8A", "\x09", {"\0", 1}};
  for (int round = 0; round < 300; ++round) {
    std::string input;
    Lines expected;
    for (int n = 0; n < 20; ++n) {
      std::string line;
      for (std::size_t size = rng() % 150; line.size() < size;)
        line += bytes[rng() % std::size(bytes)];
      input += line + "\n";
      expected.push_back({line, line.size()});
    }
    REQUIRE(read_all(input, 200, 1 + rng() % 4096) == expected);
  }
}

TEST_CASE("LineReader keeps a long line's first bytes and its true length") {
  const std::string long_line(50, 'x');
  const std::string input = "a\n" + long_line + "\nb\n" + long_line;
  const Lines expected{
      {"a", 1}, {std::string(8, 'x'), 50}, {"b", 1}, {std::string(8, 'x'), 50}};
  CHECK(read_all(input, 8, 4096) == expected); // inside one read
  CHECK(read_all(input, 8, 3) == expected);    // across many reads
  CHECK(read_all(input, 8, 1) == expected);
}

TEST_CASE("LineReader reports a read error") {
  LineReader reader(-1, 10, 16);
  Line line;
  CHECK_THROWS_WITH_AS(reader.next(line), "read error: Bad file descriptor",
                       iom::Error);
}

TEST_CASE("LineReader reads memory in chunks as it reads a pipe") {
  const std::string input =
      "Kenya\r\nCôte d'Ivoire\n\n" + std::string(50, 'x') + "\nend";
  const Lines expected = read_all(input, 8, 4096);
  for (std::size_t chunk = 0; chunk <= 20; ++chunk) {
    CAPTURE(chunk);
    LineReader reader(std::string_view(input), 8, chunk);
    Lines lines;
    Line line;
    while (reader.next(line))
      lines.push_back({std::string(line.text), line.length});
    CHECK_FALSE(reader.next(line));
    CHECK(lines == expected);
  }
}
