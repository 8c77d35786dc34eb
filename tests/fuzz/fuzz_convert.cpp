// `iom convert` on an arbitrary stdin, in process: the options go to
// cli::convert, the function the command's callback calls once CLI11 has
// parsed them, and stdin is read by the same util::LineReader, over memory in
// reads of a chosen size, so that line splitting, lookup and the line
// writers are all exercised together, with no thread, socket or file
// descriptor per input.
//
// The invariant is the command's promise: exactly one output line per input
// line, a final line without a newline included (up to the line of a byte
// that is not UTF-8, where convert stops with exit 2). With --keep in TSV, the
// first field of output line i also gives back input line i (without a
// trailing CR; a line too long to look up may be cut, past
// k_max_query_bytes), so lines are neither merged, split nor reordered.
// And the output does not depend on how the reads split the input: convert
// reads its input through the LineReader alone (next and error), so where
// the reader hands out the same lines and stops the same way read in one
// piece, convert's stdout, stderr (the summary) and exit status are the same
// too. The fuzzer compares those lines: running convert a second time on
// the whole input, as it once did, halved its rate for the same check.
//
// Input: 2 option bytes, then stdin.
//   byte 0: bits 0-1 format (tsv, csv, jsonl, tsv), 2 --fuzzy, 3 --keep,
//           4-6 --from (any, name, iso2, iso3, numeric, alias, any, any),
//           7 --to name,languages instead of iso3
//   byte 1: stdin arrives in reads of this many bytes (0: 64 KiB), so
//           that lines are split across reads as a pipe would split them.
//
// stdout and stderr are in-memory util::Outputs. An exception is a failure:
// convert has nothing to refuse here.

#include "cli/convert.hpp"
#include "convert_support.hpp"
#include "support.hpp"
#include "util/error.hpp"
#include "util/line_reader.hpp"
#include "util/utf8.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace {

using iom::fuzz::BuiltIn;
using iom::fuzz::Converted;

// `iom -f FORMAT convert OPTIONS` on `input` read in reads of `chunk` bytes.
Converted run_convert(const iom::cli::GlobalOptions &global,
                      const iom::cli::ConvertOptions &options,
                      std::string_view input, std::size_t chunk) {
  const BuiltIn &built_in = BuiltIn::get();
  return iom::fuzz::convert_in_memory(
      input, chunk, iom::cli::k_convert_keep,
      [&](iom::util::LineReader &reader, iom::util::Output &out,
          iom::util::Output &err) {
        return iom::cli::convert(built_in.data(), global, options, reader, out,
                                 err, &built_in.searcher());
      });
}

// Every line that a LineReader over `input` in reads of `chunk` bytes (0:
// in one piece) hands out to convert, as text: the kept bytes, the true
// length and whether a newline ended it; then what stopped the reader.
std::string read_lines(std::string_view input, std::size_t chunk) {
  iom::util::LineReader reader(input, iom::cli::k_convert_keep,
                               iom::fuzz::read_size(chunk));
  std::string lines;
  iom::util::Line line;
  while (reader.next(line)) {
    lines += line.text;
    lines +=
        '\0' + std::to_string(line.length) + (line.terminated ? "\n" : "$\n");
  }
  if (const auto &error = reader.error())
    lines += "stopped at byte " + std::to_string(error->column) + ": " +
             std::to_string(error->byte);
  return lines;
}

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos)
      end = text.size();
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

std::string tsv_unescape(std::string_view field) {
  std::string out;
  for (std::size_t i = 0; i < field.size(); ++i) {
    if (field[i] != '\\') {
      out += field[i];
      continue;
    }
    FUZZ_CHECK(i + 1 < field.size(), field);
    const char next = field[++i];
    FUZZ_CHECK(next == '\\' || next == 't' || next == 'n' || next == 'r',
               field);
    out += next == 't' ? '\t' : next == 'n' ? '\n' : next == 'r' ? '\r' : '\\';
  }
  return out;
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***) {
  BuiltIn::get();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data,
                                      std::size_t size) {
  if (size < 2)
    return 0;
  const unsigned char options = data[0];
  const std::size_t chunk = data[1];
  const std::string_view input(reinterpret_cast<const char *>(data + 2),
                               size - 2);

  static const char *const k_formats[] = {"tsv", "csv", "jsonl", "tsv"};
  static const char *const k_froms[] = {"any",     "name",  "iso2", "iso3",
                                        "numeric", "alias", "any",  "any"};
  const std::string format = k_formats[options & 3];
  const bool keep = options & 8;
  iom::cli::GlobalOptions global;
  global.format = format;
  iom::cli::ConvertOptions convert;
  convert.to = (options & 128) ? "name,languages" : "iso3";
  convert.from = k_froms[(options >> 4) & 7];
  convert.fuzzy = options & 4;
  convert.keep = keep;
  const Converted run = run_convert(global, convert, input, chunk);
  const std::string &out = run.out;
  const int status = run.status;
  // Input that is not UTF-8 stops convert at the start of its line, with
  // exit 2; every line before it is converted.
  std::string_view valid = input;
  if (const std::size_t bad = iom::util::first_invalid_utf8(input);
      bad != std::string_view::npos) {
    const std::size_t nl = input.rfind('\n', bad);
    valid = input.substr(0, nl == std::string_view::npos ? 0 : nl + 1);
    FUZZ_CHECK(status == iom::k_exit_error, out);
  } else {
    FUZZ_CHECK(status == iom::k_exit_ok || status == iom::k_exit_no_match, out);
  }
  if (chunk != 0 && chunk < input.size()) {
    const std::string in_reads = read_lines(input, chunk);
    const std::string whole = read_lines(input, 0);
    FUZZ_CHECK(in_reads == whole, "in reads of " + std::to_string(chunk) +
                                      " bytes:\n" + in_reads +
                                      "\nin one read:\n" + whole);
  }

  const std::vector<std::string_view> in_lines = split_lines(valid);
  FUZZ_CHECK(out.empty() || out.back() == '\n', out);
  const std::vector<std::string_view> out_lines = split_lines(out);
  FUZZ_CHECK(out_lines.size() == in_lines.size(),
             "input lines " + std::to_string(in_lines.size()) +
                 ", output lines " + std::to_string(out_lines.size()));
  if (format == "csv")
    for (const std::string_view line : out_lines)
      FUZZ_CHECK(line.ends_with("\r"), line);

  if (keep && format == "tsv") {
    for (std::size_t i = 0; i < in_lines.size(); ++i) {
      std::string_view line = in_lines[i];
      const std::string echo =
          tsv_unescape(out_lines[i].substr(0, out_lines[i].find('\t')));
      // A CR is dropped when the whole line was kept (up to the bound plus
      // one byte); a line still over the bound echoes exactly its first
      // k_max_query_bytes bytes, however it arrived.
      constexpr std::size_t k_max = iom::k_max_query_bytes;
      if (line.ends_with('\r') && line.size() <= k_max + 1)
        line.remove_suffix(1);
      const std::string_view expected =
          line.size() > k_max ? line.substr(0, k_max) : line;
      FUZZ_CHECK(echo == expected,
                 "line " + std::to_string(i + 1) + " has " +
                     std::to_string(line.size()) + " bytes, its echo " +
                     std::to_string(echo.size()) + ": " + echo);
    }
  }
  return 0;
}
