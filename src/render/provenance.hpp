#pragma once

// How the data's own provenance is worded wherever a person reads it
// (--version, stats, the man page): a date the page does not state is never
// shown as a known capture time.

#include "model.hpp"

#include <string>

namespace iom::render {

// "captured 2025-02-11", or "captured about 2025-02-11 (inferred from the
// page)" when the date is reasoned from the page's contents.
inline std::string captured_text(const Meta &meta) {
  std::string date(meta.captured);
  switch (meta.captured_basis) {
  case Basis::sourced:
    return "captured " + date;
  case Basis::assumed:
    return "captured about " + date + " (assumed)";
  case Basis::inferred:
    break;
  }
  return "captured about " + date + " (inferred from the page)";
}

} // namespace iom::render
