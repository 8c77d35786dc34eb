#pragma once

// Shell completion scripts for bash, zsh and fish, generated from the CLI11
// tree. Values that are known when iom is built (the choices of an option,
// the fields) are written into the script; the dataset's (regions, types,
// entries) are asked of iom at completion time through the hidden
// `iom __complete KIND`, with the command line's --data, so that --data and
// IOM_DATA are honoured. One file per shell (completion_<shell>.cpp), with
// the shared rules in completion_rules.cpp and each shell's runtime in
// src/docs/shell/. Does no I/O.

#include <string>

namespace CLI {
class App;
}

namespace iom::docs {

// The shells, in the order of `iom completions SHELL`'s list of choices.
enum class Shell : unsigned char { bash, zsh, fish };

std::string completion_script(const CLI::App &app, Shell shell);

} // namespace iom::docs
