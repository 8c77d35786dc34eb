#pragma once

// The bundled dataset: data/iom.toml compiled into constant-initialised
// tables at build time (see src/gen/), so using it parses nothing.

#include "model.hpp"

namespace iom::dataset {

const Dataset &builtin();

} // namespace iom::dataset
