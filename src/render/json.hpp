#pragma once

// JSON (one array) and JSON Lines (one object per line), RFC 8259.

#include "render/rows.hpp"

#include <string>
#include <string_view>

namespace iom::render {

// Appends s as a quoted JSON string. Escapes '"', '\\', U+0000-U+001F, DEL,
// the C1 controls and U+2028/U+2029 (which break JavaScript and terminals);
// each ill-formed UTF-8 sequence becomes U+FFFD, so the output is valid UTF-8.
void append_json_string(std::string &out, std::string_view s);

void write_json(std::string &out, const Rows &rows, const Options &options);
void write_jsonl(std::string &out, const Rows &rows, const Options &options);

} // namespace iom::render
