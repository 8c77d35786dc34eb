#pragma once

// The zsh completion script: the runtime of src/docs/shell/iom.zsh, then
// _arguments specs generated from the tree. Does no I/O.

#include "docs/tree.hpp"

#include <string>

namespace iom::docs {

std::string zsh_script(const Tree &tree);

} // namespace iom::docs
