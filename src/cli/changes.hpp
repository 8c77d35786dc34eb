#pragma once

// Printing a list of changes (iom diff, iom import): the rows of
// render::change_fields() in any format, with a summary line for a person
// (table and md; md is meant to be pasted into a pull-request description).

#include "cli/context.hpp"
#include "model.hpp"

#include <string_view>
#include <vector>

namespace iom::cli {

// Writes the changes and returns the exit status: 0 when there are none, 1
// when there are some. `what` names the two sides for the summary ("OLD ->
// NEW").
int emit_changes(Context &context, const std::vector<Change> &changes,
                 std::string_view what);

} // namespace iom::cli
