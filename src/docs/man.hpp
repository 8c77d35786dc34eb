#pragma once

// The man page, generated from the CLI11 tree and the field table into the
// hand-written prose of man_template.inc. Returns roff; does no I/O.

#include <string>

namespace CLI {
class App;
}

namespace iom::docs {

std::string man_page(const CLI::App &app);

} // namespace iom::docs
