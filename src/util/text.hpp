#pragma once

// Small text helpers shared across stages.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace iom::util {

// "a,b,,c" -> {"a", "b", "", "c"}; "" -> {""}. Empty parts are kept so that
// callers can report them.
std::vector<std::string_view> split_commas(std::string_view text);

// ASCII case folding: 'A'-'Z' to 'a'-'z', every other byte as it is.
constexpr char fold_ascii(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

// Equal but for ASCII case ("EN" and "en").
bool equal_ignoring_ascii_case(std::string_view a, std::string_view b);

std::string lower_ascii(std::string_view text);

// "1 entry", "2 entries": `n` and the word for its count.
std::string counted(std::size_t n, std::string_view one, std::string_view many);

} // namespace iom::util
