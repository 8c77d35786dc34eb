#pragma once

// The entry field table lives in render/fields.hpp, below cli/, so that docs/
// can read it too; cli code keeps the short names.

#include "render/fields.hpp"

namespace iom::cli {

using Field = render::EntryField;
using render::all_fields;
using render::field_text;
using render::fill_row;
using render::find_field;
using render::flag_of;
using render::make_columns;
using render::make_rows;
using render::parse_fields;

} // namespace iom::cli
