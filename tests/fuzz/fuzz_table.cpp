// `iom convert --column` on an arbitrary table, in process: cli::enrich, the
// function the command calls once CLI11 has parsed its options, reading
// memory in reads of a chosen size through the same LineReader and
// TableReader.
//
// The invariants are the enrichment's promises:
//   - no crash, and exit 0, 1 or 2 (2 only for a bad column, or input that
//     stops being valid: an open quote at the end, a byte that is not UTF-8,
//     an over-long record);
//   - the output holds exactly the input's records, in order, up to where
//     the input stopped being valid; each output record starts with the
//     input record's own bytes, every original field (read back by the same
//     reader) the same, and has the --to fields appended (none for an empty
//     line);
//   - the output does not depend on how the reads split the input.
//
// Input: 2 option bytes, then the table.
//   byte 0: bits 0-1 delimiter (found from the header, ',', ';', tab),
//           2 -H, 3 --fuzzy, 4 --to iso3,name,languages instead of iso3,
//           5-7 the column (1, 2, 3, "country", "#country", "Country ",
//           "#country+name", 2)
//   byte 1: reads of this many bytes (0: 64 KiB).

#include "cli/convert.hpp"
#include "convert_support.hpp"
#include "support.hpp"
#include "util/error.hpp"
#include "util/line_reader.hpp"
#include "util/table_reader.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace {

using iom::fuzz::BuiltIn;

struct Run {
  iom::fuzz::Converted converted;
  bool refused = false; // iom::Error before any output (a bad column)
};

Run run_enrich(const iom::cli::GlobalOptions &global,
               const iom::cli::ConvertOptions &options, std::string_view input,
               std::size_t chunk) {
  const BuiltIn &built_in = BuiltIn::get();
  Run run;
  run.converted = iom::fuzz::convert_in_memory(
      input, chunk, iom::cli::k_table_keep,
      [&](iom::util::LineReader &reader, iom::util::Output &out,
          iom::util::Output &err) {
        try {
          return iom::cli::enrich(built_in.data(), global, options, reader, out,
                                  err, &built_in.searcher(), "fuzz");
        } catch (const iom::Error &) {
          run.refused = true;
          return iom::k_exit_error;
        }
      });
  return run;
}

struct Table {
  std::vector<std::string> raw;
  std::vector<std::vector<std::string>> fields; // raw bytes of each field
};

// The records of `text` as the table reader gives them, up to an error.
Table read_table(std::string_view text, char delimiter) {
  Table table;
  iom::util::LineReader lines(text, iom::cli::k_table_keep);
  iom::util::TableReader reader(lines, delimiter);
  iom::util::Record record;
  while (reader.next(record)) {
    table.raw.emplace_back(record.raw);
    auto &fields = table.fields.emplace_back();
    for (std::size_t i = 0; i < record.fields.size(); ++i)
      fields.emplace_back(record.field_raw(i));
  }
  return table;
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
  std::string_view input(reinterpret_cast<const char *>(data + 2), size - 2);

  static const char *const k_delimiters[] = {"", ",", ";", "\t"};
  static const char *const k_columns[] = {
      "1", "2", "3", "country", "#country", "Country ", "#country+name", "2"};
  iom::cli::GlobalOptions global;
  global.delimiter = k_delimiters[options & 3];
  global.no_header = options & 4;
  iom::cli::ConvertOptions convert;
  convert.fuzzy = options & 8;
  convert.to = (options & 16) ? "iso3,name,languages" : "iso3";
  convert.column = k_columns[(options >> 5) & 7];
  const std::size_t appended = (options & 16) ? 3 : 1;

  const Run run = run_enrich(global, convert, input, chunk);
  const iom::fuzz::Converted &result = run.converted;
  FUZZ_CHECK(result.status == iom::k_exit_ok ||
                 result.status == iom::k_exit_no_match ||
                 result.status == iom::k_exit_error,
             result.out);
  if (chunk != 0 && chunk < input.size()) {
    const Run whole = run_enrich(global, convert, input, 0);
    FUZZ_CHECK(whole.converted == result && whole.refused == run.refused,
               "in reads of " + std::to_string(chunk) + " bytes:\n" +
                   result.out + result.err + "\nin one read:\n" +
                   whole.converted.out + whole.converted.err);
  }
  if (run.refused) {
    FUZZ_CHECK(result.out.empty(), result.out);
    return 0;
  }

  // The delimiter the enrichment used: the given one, or the header's.
  // Only one BOM is a BOM: a second is the first cell's U+FEFF.
  constexpr std::string_view k_bom = "\xEF\xBB\xBF";
  const bool bom = input.starts_with(k_bom);
  const std::string_view text = bom ? input.substr(k_bom.size()) : input;
  char delimiter = global.delimiter.empty() ? 0 : global.delimiter[0];
  if (delimiter == 0)
    delimiter =
        iom::util::detect_delimiter(text.substr(0, text.find('\n')), ',');
  if (delimiter == 0) {
    FUZZ_CHECK(result.status == iom::k_exit_error && result.out.empty(),
               result.out);
    return 0;
  }
  const std::string_view out = result.out;
  FUZZ_CHECK(out.starts_with(k_bom) == (bom && !out.empty()), result.out);

  // The table reader takes the one BOM off each. Output that stopped (exit
  // 2) after its BOM and before the first record holds no record, though the
  // reader reads a BOM alone as one empty line.
  const Table in = read_table(input, delimiter);
  const Table got = result.status == iom::k_exit_error && out == k_bom
                        ? Table{}
                        : read_table(out, delimiter);
  if (result.status != iom::k_exit_error)
    FUZZ_CHECK(got.raw.size() == in.raw.size(),
               "input records " + std::to_string(in.raw.size()) +
                   ", output records " + std::to_string(got.raw.size()));
  // With an error the output may stop early, but never adds a record (the
  // generated HXL row aside, which --hxl alone asks for).
  FUZZ_CHECK(got.raw.size() <= in.raw.size(), result.out);
  for (std::size_t r = 0; r < got.raw.size(); ++r) {
    const std::string where = "record " + std::to_string(r + 1);
    FUZZ_CHECK(got.raw[r].starts_with(in.raw[r]), where + ": " + got.raw[r]);
    if (in.fields[r].empty()) {
      FUZZ_CHECK(got.raw[r].empty(), where + ": " + got.raw[r]);
      continue;
    }
    FUZZ_CHECK(got.fields[r].size() == in.fields[r].size() + appended,
               where + ": " + std::to_string(got.fields[r].size()) +
                   " fields out of " + std::to_string(in.fields[r].size()));
    for (std::size_t f = 0; f < in.fields[r].size(); ++f)
      FUZZ_CHECK(got.fields[r][f] == in.fields[r][f],
                 where + " field " + std::to_string(f + 1));
  }
  return 0;
}
