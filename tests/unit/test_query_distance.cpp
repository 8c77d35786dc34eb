#include <doctest/doctest.h>

#include <algorithm>
#include <cstddef>
#include <random>
#include <string>
#include <vector>

#include "query/distance.hpp"

using iom::query::damerau_levenshtein;
using iom::query::edit_bound;

namespace {

// Plain full-matrix optimal string alignment, to check the banded one.
int reference_osa(const std::string &a, const std::string &b) {
  const std::size_t n = a.size();
  const std::size_t m = b.size();
  std::vector<std::vector<int>> d(n + 1, std::vector<int>(m + 1));
  for (std::size_t i = 0; i <= n; ++i)
    d[i][0] = static_cast<int>(i);
  for (std::size_t j = 0; j <= m; ++j)
    d[0][j] = static_cast<int>(j);
  for (std::size_t i = 1; i <= n; ++i) {
    for (std::size_t j = 1; j <= m; ++j) {
      const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] =
          std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[n][m];
}

} // namespace

TEST_CASE("distance: identical strings are 0 apart") {
  CHECK(damerau_levenshtein("", "", 0) == 0);
  CHECK(damerau_levenshtein("peru", "peru", 0) == 0);
  CHECK(damerau_levenshtein("peru", "peru", 3) == 0);
}

TEST_CASE("distance: one insertion, deletion or substitution costs 1") {
  CHECK(damerau_levenshtein("turky", "turkey", 1) == 1);
  CHECK(damerau_levenshtein("turkey", "turky", 1) == 1);
  CHECK(damerau_levenshtein("columbia", "colombia", 2) == 1);
  CHECK(damerau_levenshtein("", "a", 1) == 1);
  CHECK(damerau_levenshtein("a", "", 1) == 1);
}

TEST_CASE("distance: an adjacent transposition costs 1") {
  CHECK(damerau_levenshtein("ab", "ba", 1) == 1);
  CHECK(damerau_levenshtein("untied kingdom", "united kingdom", 3) == 1);
  CHECK(damerau_levenshtein("nigre", "niger", 1) == 1);
}

TEST_CASE("distance: optimal string alignment edits no substring twice") {
  // True Damerau-Levenshtein gives 2; OSA cannot transpose then insert.
  CHECK(damerau_levenshtein("ca", "abc", 3) == 3);
}

TEST_CASE("distance: several edits add up") {
  CHECK(damerau_levenshtein("phillipines", "philippines", 3) == 2);
  CHECK(damerau_levenshtein("kitten", "sitting", 3) == 3);
  CHECK(damerau_levenshtein("niger", "nigeria", 2) == 2);
}

TEST_CASE("distance: a distance above the bound reads as bound + 1") {
  CHECK(damerau_levenshtein("kitten", "sitting", 2) == 3);
  CHECK(damerau_levenshtein("kitten", "sitting", 0) == 1);
  CHECK(damerau_levenshtein("niger", "nigeria", 1) == 2);
  CHECK(damerau_levenshtein("a", "abcdef", 2) == 3);
  CHECK(damerau_levenshtein("abcdef", "uvwxyz", 1) == 2);
}

TEST_CASE("distance: a negative bound counts as 0") {
  CHECK(damerau_levenshtein("abc", "abc", -5) == 0);
  CHECK(damerau_levenshtein("abc", "abd", -5) == 1);
}

TEST_CASE("distance: a huge bound gives the exact distance") {
  CHECK(damerau_levenshtein("abc", "xyz", 1000000) == 3);
  CHECK(damerau_levenshtein("", "abcd", 2147483647) == 4);
}

TEST_CASE("distance: inputs longer than 64 bytes work") {
  const std::string a(100, 'a');
  std::string b = a;
  b[10] = 'b';
  b[90] = 'c';
  CHECK(damerau_levenshtein(a, b, 3) == 2);
  CHECK(damerau_levenshtein(a, b, 1) == 2);
  CHECK(damerau_levenshtein(a, a + "xyz", 5) == 3);
  CHECK(damerau_levenshtein(a, std::string(300, 'b'), 1000) == 300);
}

TEST_CASE("distance: the banded result agrees with the full matrix") {
  std::mt19937 random(12345);
  std::uniform_int_distribution<int> letter(0, 3);
  std::uniform_int_distribution<int> length(0, 80);
  std::uniform_int_distribution<int> bound(0, 6);
  for (int round = 0; round < 3000; ++round) {
    std::string a(static_cast<std::size_t>(length(random)), 'a');
    for (char &c : a)
      c = static_cast<char>('a' + letter(random));
    // Mostly near-copies, so small distances are common.
    std::string b = a;
    const int edits = letter(random) + (round % 7 == 0 ? 40 : 0);
    for (int e = 0; e < edits && !b.empty(); ++e) {
      const std::size_t at = static_cast<std::size_t>(random()) % b.size();
      switch (letter(random)) {
      case 0:
        b.erase(at, 1);
        break;
      case 1:
        b.insert(at, 1, static_cast<char>('a' + letter(random)));
        break;
      case 2:
        b[at] = static_cast<char>('a' + letter(random));
        break;
      default:
        if (at + 1 < b.size())
          std::swap(b[at], b[at + 1]);
        break;
      }
    }
    const int k = bound(random);
    const int expected = std::min(reference_osa(a, b), k + 1);
    INFO(a, " / ", b, " bound ", k);
    REQUIRE(damerau_levenshtein(a, b, k) == expected);
    REQUIRE(damerau_levenshtein(b, a, k) == expected);
  }
}

TEST_CASE("distance: the edit bound is Lucene's AUTO fuzziness per word") {
  CHECK(edit_bound(0) == 0);
  CHECK(edit_bound(1) == 0);
  CHECK(edit_bound(2) == 0);
  CHECK(edit_bound(3) == 1);
  CHECK(edit_bound(4) == 1);
  CHECK(edit_bound(5) == 1);
  CHECK(edit_bound(6) == 2);
  CHECK(edit_bound(8) == 2);
  CHECK(edit_bound(9) == 2);
  CHECK(edit_bound(100) == 2);
}
