#pragma once

// The bash completion script: case tables generated from the tree, then the
// runtime of src/docs/shell/iom.bash. Does no I/O.

#include "docs/tree.hpp"

#include <string>

namespace iom::docs {

std::string bash_script(const Tree &tree);

} // namespace iom::docs
