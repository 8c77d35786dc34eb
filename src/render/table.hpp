#pragma once

// Human formats: the aligned terminal table and the GitHub Markdown table.
// Both always escape control characters, whatever Options::terminal says.

#include "render/rows.hpp"

#include <string>

namespace iom::render {

void write_table(std::string &out, const Rows &rows, const Options &options);
void write_md(std::string &out, const Rows &rows, const Options &options);

} // namespace iom::render
