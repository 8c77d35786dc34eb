#include "query/sort.hpp"

#include "query/normalise.hpp"

#include <algorithm>

namespace iom::query {

SortValue sort_value(std::string_view text, bool numeric) {
  SortValue value;
  value.empty = text.empty();
  if (numeric) {
    // Digits compare as a whole number ("012" before "116"); anything else
    // in a number field sorts after the numbers, as text.
    bool digits = !text.empty() && text.size() <= 19;
    std::uint64_t number = 0;
    for (char c : text) {
      digits = digits && c >= '0' && c <= '9';
      number = number * 10 + static_cast<std::uint64_t>(c - '0');
    }
    if (digits) {
      value.is_number = true;
      value.number = number;
      return value;
    }
  }
  // Sort keys are folded, so "Côte d'Ivoire" sorts among the Cs (and El
  // Salvador among the Es: sort_key keeps a leading article).
  value.text = sort_key(text);
  for (std::size_t i = 0; i < 8; ++i)
    value.number =
        value.number << 8 |
        (i < value.text.size() ? static_cast<unsigned char>(value.text[i])
                               : 0U);
  return value;
}

namespace {

// Negative, zero or positive as `a` sorts before, with or after `b` in
// ascending order; empty values last.
int compare(const SortValue &a, const SortValue &b) {
  if (a.empty != b.empty)
    return a.empty ? 1 : -1;
  if (a.is_number != b.is_number)
    return a.is_number ? -1 : 1;
  // Texts whose first eight bytes differ compare as those bytes do.
  if (a.number != b.number)
    return a.number < b.number ? -1 : 1;
  if (a.is_number)
    return 0;
  return a.text.compare(b.text);
}

} // namespace

std::vector<std::size_t> sort_order(const std::vector<SortValue> &values,
                                    const std::vector<bool> &descending) {
  const std::size_t keys = descending.size();
  std::vector<std::size_t> order(keys == 0 ? 0 : values.size() / keys);
  for (std::size_t i = 0; i < order.size(); ++i)
    order[i] = i;
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) {
                     for (std::size_t k = 0; k < keys; ++k) {
                       const SortValue &x = values[a * keys + k];
                       const SortValue &y = values[b * keys + k];
                       // Empty values go last in both directions: a missing
                       // code is not the smallest or the largest one.
                       if (x.empty != y.empty)
                         return y.empty;
                       int cmp = compare(x, y);
                       if (cmp != 0)
                         return descending[k] ? cmp > 0 : cmp < 0;
                     }
                     return false;
                   });
  return order;
}

std::vector<std::uint32_t> dense_ranks(const std::vector<SortValue> &values) {
  std::vector<std::uint32_t> ranks(values.size());
  std::uint32_t rank = 0;
  const std::size_t *previous = nullptr;
  const std::vector<std::size_t> order = sort_order(values, {false});
  for (const std::size_t &i : order) {
    if (previous && compare(values[*previous], values[i]) != 0)
      ++rank;
    ranks[i] = rank;
    previous = &i;
  }
  return ranks;
}

} // namespace iom::query
