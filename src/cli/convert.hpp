#pragma once

// `iom convert`'s conversion, apart from its command line: the command's
// callback and the fuzzers call it, so a fuzzer runs exactly what users run,
// without argv parsing and, with in-memory input and outputs, without a file
// descriptor.
//
// Two modes. Line mode writes one record per input line (or argument), in
// order. Table mode (--column) reads a CSV or TSV table and writes it back,
// every original byte kept, with the --to fields appended as columns. Both
// end with one summary on stderr (counts, then each distinct unmatched value
// once) instead of a warning per line, unless --verbose asks for every line.

#include "cli/context.hpp"
#include "cli/explain.hpp"
#include "model.hpp"
#include "util/encoding.hpp"
#include "util/line_reader.hpp"
#include "util/output.hpp"
#include "util/table_reader.hpp"

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
  bool world = false;   // answer places outside the directory too
  bool verbose = false; // a message per line instead of the summary
  std::string column;   // --column: table mode; empty = line mode
  util::Encoding encoding = util::Encoding::utf8;
};

// What convert's line reader keeps of a line: one byte past the query bound,
// so that a line of exactly the bound plus its CR is kept whole and found.
inline constexpr std::size_t k_convert_keep = k_max_query_bytes + 1;
// What the table reader needs its lines to keep.
inline constexpr std::size_t k_table_keep = util::k_max_record_bytes + 1;

// Line mode: one record per line of `input` (a LineReader keeping
// k_convert_keep bytes, named `name` in messages) to `out`, and the summary
// to `err`; returns the exit status (2 when the input stops being valid in
// its encoding, after every line before). `global` gives the format and the
// writers' style; `data` must be indexed (Context::indexed). Throws
// iom::Error for a bad --to, --from or format, before any output.
// `searcher`, when given, is a query::Searcher of `data`, so that a caller
// converting many inputs (the fuzzers) builds it once; otherwise it is built
// at the first miss.
int convert(const Dataset &data, const GlobalOptions &global,
            const ConvertOptions &options, util::LineReader &input,
            util::Output &out, util::Output &err,
            const query::Searcher *searcher = nullptr,
            std::string_view name = "stdin");

// The same for the command line's queries, one record each; "-" stands for
// stdin's lines.
int convert(const Dataset &data, const GlobalOptions &global,
            const ConvertOptions &options, std::span<const std::string> queries,
            util::Output &out, util::Output &err,
            const query::Searcher *searcher = nullptr);

// Table mode over the named files, in order ("-" is stdin; none: stdin).
// Each must have the first one's header. Throws iom::Error (exit 2) for a
// bad option, column or file, before any output of that file.
int enrich(const Dataset &data, const GlobalOptions &global,
           const ConvertOptions &options, std::span<const std::string> files,
           util::Output &out, util::Output &err,
           const query::Searcher *searcher = nullptr);

// Table mode over one reader (keeping k_table_keep bytes a line).
int enrich(const Dataset &data, const GlobalOptions &global,
           const ConvertOptions &options, util::LineReader &input,
           util::Output &out, util::Output &err,
           const query::Searcher *searcher = nullptr,
           std::string_view name = "stdin");

} // namespace iom::cli
