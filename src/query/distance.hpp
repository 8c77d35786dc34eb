#pragma once

// Edit distance for "did you mean" and typo-tolerant search.

#include <cstddef>
#include <string_view>

namespace iom::query {

// Optimal-string-alignment Damerau-Levenshtein distance over bytes (meant
// for normalised, mostly ASCII text): insertions, deletions, substitutions
// and transpositions of adjacent bytes each cost 1, and no substring is
// edited twice. Stops early and returns bound + 1 once the distance must
// exceed `bound` (a negative bound counts as 0). Computes only the diagonal
// band of width 2 * bound + 1, on the stack for inputs up to 64 bytes.
int damerau_levenshtein(std::string_view a, std::string_view b, int bound);

// How many edits a word of `length` bytes may need and still count as a
// typo: Lucene's AUTO fuzziness, as Elasticsearch applies it per term (0 for
// 1-2 bytes, 1 for 3-5, 2 beyond). So "ne" never reaches "na", and
// "north" (one edit allowed) never reaches "south" (two).
constexpr int edit_bound(std::size_t length) {
  return length <= 2 ? 0 : length <= 5 ? 1 : 2;
}

} // namespace iom::query
