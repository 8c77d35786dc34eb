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

// How many edits a query of `query_length` bytes may need and still count
// as a typo: 0 up to 3 bytes, 1 for 4-5, 2 for 6-8, 3 beyond. Short queries
// get none, so "ne" never reaches "na" or "nu".
constexpr int edit_bound(std::size_t query_length) {
  return query_length <= 3   ? 0
         : query_length <= 5 ? 1
         : query_length <= 8 ? 2
                             : 3;
}

} // namespace iom::query
