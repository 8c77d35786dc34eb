#pragma once

// The enum spellings live beside the model (model_names.hpp), where the field
// tables in render/ can reach them too; the loader and the generator keep
// their names for them.

#include "model_names.hpp"

namespace iom::dataset {

using iom::basis_choices;
using iom::kind_choices;
using iom::parse_basis;
using iom::parse_code_status;
using iom::parse_kind;
using iom::parse_spelling;
using iom::spelled;
using iom::Spelling;
using iom::spelling;
using iom::spellings_or;
using iom::to_string;

} // namespace iom::dataset
