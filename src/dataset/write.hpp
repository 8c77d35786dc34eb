#pragma once

// Writing a dataset as a file the loader reads back to the same dataset
// (`iom import --write`): [meta], [[regions]], [[types]], [[hosts]] and
// [[entries]], each field in the schema's order, as data/iom.toml has them.
// Comments are not kept: the model has none. The world tables are not
// written; the file uses the built-in world, as data/iom.toml does.

#include "model.hpp"

#include <string>
#include <string_view>

namespace iom::dataset {

// `header` is written first as comment lines ("# ...").
std::string to_toml(const Dataset &data, std::string_view header);

} // namespace iom::dataset
