#pragma once

// JSON (one array) and JSON Lines (one object per line), RFC 8259.

#include "render/rows.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace iom::render {

// Appends s as a quoted JSON string. Escapes '"', '\\', U+0000-U+001F, DEL,
// the C1 controls and U+2028/U+2029 (which break JavaScript and terminals);
// each ill-formed UTF-8 sequence becomes U+FFFD, so the output is valid UTF-8.
void append_json_string(std::string &out, std::string_view s);

// The escaped `"name":` of each column, computed once per table.
std::vector<std::string> json_keys(const std::vector<Column> &columns);

// One row as a compact object; lists are arrays, empty scalars null, and
// is_number columns bare when they are plain integers.
void append_json_object(std::string &out, const std::vector<Cell> &row,
                        const std::vector<Column> &columns,
                        const std::vector<std::string> &keys);

} // namespace iom::render
