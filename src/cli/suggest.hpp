#pragma once

// "Did you mean": the closest known word to a misspelt command, option or
// value, by the edit distance the matcher uses.

#include <span>
#include <string>
#include <string_view>

namespace iom::cli {

// The one candidate closest to `word`, when it is within the typo budget of
// Lucene's AUTO fuzziness (0 edits for 1-2 bytes, 1 for 3-5, 2 beyond; a
// transposition is one edit) and no other candidate is as close. Empty
// otherwise. Case is ignored.
std::string_view closest(std::string_view word,
                         std::span<const std::string_view> candidates);

// "; did you mean 'X'?" for closest(), or "".
std::string did_you_mean(std::string_view word,
                         std::span<const std::string_view> candidates);

} // namespace iom::cli
