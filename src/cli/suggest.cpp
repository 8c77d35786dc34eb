#include "cli/suggest.hpp"

#include "query/distance.hpp"
#include "util/text.hpp"

namespace iom::cli {
namespace suggest_cpp {
namespace {

int typo_budget(std::size_t length) {
  return length <= 2 ? 0 : length <= 5 ? 1 : 2;
}

} // namespace
} // namespace suggest_cpp

std::string_view closest(std::string_view word,
                         std::span<const std::string_view> candidates) {
  const std::string wanted = util::lower_ascii(word);
  const int budget = suggest_cpp::typo_budget(wanted.size());
  std::string_view best;
  int best_distance = budget + 1;
  bool tie = false;
  for (std::string_view candidate : candidates) {
    int distance = query::damerau_levenshtein(
        wanted, util::lower_ascii(candidate), budget);
    if (distance < best_distance) {
      best = candidate;
      best_distance = distance;
      tie = false;
    } else if (distance == best_distance && distance <= budget) {
      tie = true;
    }
  }
  return best_distance <= budget && !tie ? best : std::string_view();
}

std::string did_you_mean(std::string_view word,
                         std::span<const std::string_view> candidates) {
  std::string_view found = closest(word, candidates);
  return found.empty() ? std::string()
                       : "; did you mean '" + std::string(found) + "'?";
}

} // namespace iom::cli
