#pragma once

// The fish completion script: __iom_takes_value generated from the tree, the
// runtime of src/docs/shell/iom.fish, then one `complete` line per option,
// command and argument. Does no I/O.

#include "docs/tree.hpp"

#include <string>

namespace iom::docs {

std::string fish_script(const Tree &tree);

} // namespace iom::docs
