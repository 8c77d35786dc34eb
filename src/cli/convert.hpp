#pragma once

// `iom convert`'s conversion, apart from its command line: the command's
// callback and fuzz_convert both call it, so the fuzzer runs exactly what
// users run, without argv parsing and, with in-memory lines and outputs,
// without a file descriptor.

#include "cli/context.hpp"
#include "cli/explain.hpp"
#include "model.hpp"
#include "util/line_reader.hpp"
#include "util/output.hpp"

#include <cstddef>
#include <span>
#include <string>

namespace iom::query {
class Searcher;
}

namespace iom::cli {

struct ConvertOptions {
  std::string to;
  std::string from = "any";
  bool fuzzy = false;
  bool keep = false;
  bool world = false; // answer places outside the directory too
};

// What convert's reader keeps of a line: one byte past the query bound, so
// that a line of exactly the bound plus its CR is kept whole and found.
inline constexpr std::size_t k_convert_keep = k_max_query_bytes + 1;

// Writes one record per line of `input` (a LineReader keeping
// k_convert_keep bytes) to `out`, and the per-line warnings to `err`;
// returns the exit status. `global` gives the format and the writers'
// style; `data` must be indexed (Context::indexed). Throws iom::Error for a
// bad --to, --from or format, before any output. `searcher`, when given, is
// a query::Searcher of `data`, so that a caller converting many inputs
// (fuzz_convert) builds it once; otherwise it is built at the first miss.
int convert(const Dataset &data, const GlobalOptions &global,
            const ConvertOptions &options, util::LineReader &input,
            util::Output &out, util::Output &err,
            const query::Searcher *searcher = nullptr);

// The same for the command line's queries, one record each.
int convert(const Dataset &data, const GlobalOptions &global,
            const ConvertOptions &options, std::span<const std::string> queries,
            util::Output &out, util::Output &err,
            const query::Searcher *searcher = nullptr);

} // namespace iom::cli
