#pragma once

#include <string>

namespace iom::render {

// A horizontal bar of `value / max` of `width` columns, in Unicode eighth
// blocks, for proportional pictures on a terminal.
std::string bar(std::size_t value, std::size_t max, int width);

} // namespace iom::render
