#pragma once

// Small text helpers shared across stages.

#include <string_view>
#include <vector>

namespace iom::util {

// "a,b,,c" -> {"a", "b", "", "c"}; "" -> {""}. Empty parts are kept so that
// callers can report them.
std::vector<std::string_view> split_commas(std::string_view text);

} // namespace iom::util
