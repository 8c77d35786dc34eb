#pragma once

// Shell completion scripts for bash, zsh and fish, generated from the CLI11
// tree. Values that are known when iom is built (formats, fields) are written
// into the script; the dataset's (regions, types, entries) are asked of iom at
// completion time through the hidden `iom __complete KIND`, with the command
// line's --data, so that --data and IOM_DATA are honoured. Does no I/O.

#include <string>
#include <string_view>

namespace CLI {
class App;
}

namespace iom::docs {

// Throws iom::Error (exit 2) for a shell other than bash, zsh or fish.
std::string completion_script(const CLI::App &app, std::string_view shell);

} // namespace iom::docs
