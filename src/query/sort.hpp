#pragma once

// The order of --sort: one key's value, the stable order of rows under
// several keys, and the dense ranks under one key that iom-gen writes for
// the built-in data (Dataset::name_ranks).

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace iom::query {

// One sort key's value: text compares normalised (sort_key), a number as a
// number; an empty value sorts last whichever the direction.
struct SortValue {
  bool empty = true;
  bool is_number = false;
  // The number, or the text's first eight bytes, big-endian: most texts
  // compare by it alone.
  std::uint64_t number = 0;
  std::string text;
};

// `text` as a key of a number field (`numeric`: digits compare as a whole
// number, anything else after the numbers, as text) or of a text field.
SortValue sort_value(std::string_view text, bool numeric);

// The stable order of the rows whose key values are
// values[row * descending.size() + key].
std::vector<std::size_t> sort_order(const std::vector<SortValue> &values,
                                    const std::vector<bool> &descending);

// Each value's dense rank under one ascending key: values that sort_order
// keeps in input order (equal ones) share a rank, and a value that sorts
// before another has a smaller rank. So a stable sort of any subset by rank
// is sort_order's order of that subset.
std::vector<std::uint32_t> dense_ranks(const std::vector<SortValue> &values);

} // namespace iom::query
