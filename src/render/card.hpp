#pragma once

// Cards: each row shown vertically, as `iom show` prints it on a terminal.
// The first column is the card's title; every other column is a labelled
// line, and list items each get a line of their own.

#include "render/rows.hpp"

#include <string>

namespace iom::render {

void write_cards(std::string &out, const Rows &rows, const Options &options);

} // namespace iom::render
