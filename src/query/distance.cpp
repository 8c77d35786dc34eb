#include "query/distance.hpp"

#include <algorithm>
#include <array>
#include <limits>
#include <vector>

namespace iom::query {

namespace {

constexpr std::size_t k_stack_length = 64;

int banded_osa(std::string_view a, std::string_view b, int bound, int *rows) {
  // `a` is the longer string; rows holds three rows of b.size() + 1 cells.
  const auto width = b.size() + 1;
  int *before = rows;           // row i - 2
  int *previous = rows + width; // row i - 1
  int *current = rows + 2 * width;
  const int infinity = bound + 1;
  const auto n = static_cast<int>(a.size());
  const auto m = static_cast<int>(b.size());

  for (int j = 0; j <= m; ++j)
    current[j] = j <= bound ? j : infinity;
  for (int i = 1; i <= n; ++i) {
    std::swap(before, previous);
    std::swap(previous, current);
    const int low = std::max(1, i - bound);
    const int high = std::min(m, i + bound);
    // Cells just outside the band read as "too far".
    current[low - 1] = low == 1 && i <= bound ? i : infinity;
    if (high < m)
      current[high + 1] = infinity;
    int row_min = current[low - 1];
    for (int j = low; j <= high; ++j) {
      const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
      int d = std::min(
          {previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        d = std::min(d, before[j - 2] + 1);
      d = std::min(d, infinity);
      current[j] = d;
      row_min = std::min(row_min, d);
    }
    if (row_min > bound)
      return infinity;
  }
  return current[m];
}

} // namespace

int damerau_levenshtein(std::string_view a, std::string_view b, int bound) {
  if (a.size() < b.size())
    std::swap(a, b); // OSA is symmetric; keep the rows short
  // The distance never exceeds the longer length, so a larger bound changes
  // nothing (and cannot overflow bound + 1).
  const auto longest = static_cast<int>(
      std::min<std::size_t>(a.size(), std::numeric_limits<int>::max() - 1));
  bound = std::clamp(bound, 0, longest);
  if (a.size() - b.size() > static_cast<std::size_t>(bound))
    return bound + 1;
  if (b.empty())
    return static_cast<int>(a.size());
  if (b.size() <= k_stack_length) {
    std::array<int, 3 * (k_stack_length + 1)> rows;
    return banded_osa(a, b, bound, rows.data());
  }
  std::vector<int> rows(3 * (b.size() + 1));
  return banded_osa(a, b, bound, rows.data());
}

} // namespace iom::query
