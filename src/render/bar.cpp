#include "render/bar.hpp"

namespace iom::render {

std::string bar(std::size_t value, std::size_t max, int width) {
  std::string out;
  if (max == 0 || width <= 0)
    return out;
  constexpr const char *k_eighths[] = {"", "▏", "▎", "▍", "▌", "▋", "▊", "▉"};
  std::size_t eighths =
      (value * static_cast<std::size_t>(width) * 8 + max / 2) / max;
  if (value > 0 && eighths == 0)
    eighths = 1; // a non-zero count is never invisible
  for (std::size_t i = 0; i < eighths / 8; ++i)
    out += "█";
  out += k_eighths[eighths % 8];
  return out;
}

} // namespace iom::render
