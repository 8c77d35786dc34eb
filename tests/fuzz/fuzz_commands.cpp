// "Valid" means "works": arbitrary bytes as a --data file. When the file
// loads, every command that reads data runs on it, in process, in every
// format, as `iom --data FILE -f FORMAT COMMAND ...` (see in_process.hpp):
//   show on every entry's id (one run, every id a query), countries, offices
//   (also with every field), regions, types, stats, search (the first
//   entry's name, and the name less its last character), convert (every id,
//   to every field; tsv, csv and jsonl, the formats it has).
// Each must end in exit 0 or 1, never 2: the loader accepted the file, so
// nothing may refuse it later. `validate` on the file must agree with the
// loader. And the machine formats must parse with the fuzzers' own strict
// readers (readers.hpp): csv as RFC 4180 with CRLF, tsv with only its four
// escapes, json as one RFC 8259 document, jsonl as one per line; every
// record of a table (stats separates its tables by a blank line) has its
// header's number of fields. table and md must be valid UTF-8 with no
// control character but LF.
//
// The file is written to a temporary file, as a user would pass it; one
// Context per input loads it once for all the runs.

#include "cli/context.hpp"
#include "cli/explain.hpp"
#include "in_process.hpp"
#include "readers.hpp"
#include "support.hpp"
#include "util/error.hpp"
#include "util/output.hpp"
#include "util/utf8.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <fcntl.h>
#include <optional>
#include <string>
#include <string_view>
#include <unistd.h>
#include <vector>

namespace {

using iom::fuzz::run_command;

std::string g_path;

void write_file(const std::uint8_t *data, std::size_t size) {
  const int fd = ::open(g_path.c_str(), O_WRONLY | O_TRUNC | O_CLOEXEC);
  FUZZ_CHECK(fd >= 0, g_path);
  for (std::size_t done = 0; done < size;) {
    const ssize_t n = ::write(fd, data + done, size - done);
    FUZZ_CHECK(n > 0, "write");
    done += static_cast<std::size_t>(n);
  }
  ::close(fd);
}

std::vector<std::string_view> split(std::string_view text, char separator) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  for (;;) {
    const std::size_t end = text.find(separator, start);
    if (end == std::string_view::npos) {
      parts.push_back(text.substr(start));
      return parts;
    }
    parts.push_back(text.substr(start, end - start));
    start = end + 1;
  }
}

// Tables separated by an empty record: each record of a table has as many
// fields as its first.
void check_shape(const std::vector<std::vector<std::string>> &records,
                 std::string_view out) {
  std::size_t width = 0;
  for (const auto &record : records) {
    if (record.size() == 1 && record.front().empty()) {
      width = 0;
      continue;
    }
    if (width == 0)
      width = record.size();
    FUZZ_CHECK(record.size() == width, out);
  }
}

void check_tsv(std::string_view out) {
  FUZZ_CHECK(out.empty() || out.back() == '\n', out);
  if (!out.empty())
    out.remove_suffix(1);
  std::vector<std::vector<std::string>> records;
  for (const std::string_view line : split(out, '\n')) {
    auto &record = records.emplace_back();
    for (const std::string_view field : split(line, '\t')) {
      const std::optional<std::string> text =
          iom::fuzz::tsv_unescape(field, true);
      FUZZ_CHECK(text.has_value(), out);
      FUZZ_CHECK(text->find_first_of("\t\n") == std::string::npos, out);
      record.push_back(*text);
    }
  }
  check_shape(records, out);
}

void check_csv(std::string_view out) {
  const auto records = iom::fuzz::parse_csv(out, ',');
  FUZZ_CHECK(records.has_value(), out);
  check_shape(*records, out);
}

void check_json(std::string_view out) {
  FUZZ_CHECK(out.ends_with('\n'), out);
  FUZZ_CHECK(iom::fuzz::JsonParser(out).document().has_value(), out);
}

void check_jsonl(std::string_view out) {
  FUZZ_CHECK(out.empty() || out.back() == '\n', out);
  if (out.empty())
    return;
  out.remove_suffix(1);
  for (const std::string_view line : split(out, '\n')) {
    const auto object = iom::fuzz::JsonParser(line).document();
    FUZZ_CHECK(object.has_value(), line);
  }
}

void check_terminal_text(std::string_view out) {
  FUZZ_CHECK(iom::util::valid_utf8(out), out);
  for (const char c : out) {
    const auto b = static_cast<unsigned char>(c);
    FUZZ_CHECK((b >= 0x20 || b == '\n') && b != 0x7f, out);
  }
}

constexpr std::string_view k_formats[] = {"table", "tsv",   "csv",
                                          "json",  "jsonl", "md"};

void check_output(std::string_view format, std::string_view out) {
  if (format == "tsv")
    check_tsv(out);
  else if (format == "csv")
    check_csv(out);
  else if (format == "json")
    check_json(out);
  else if (format == "jsonl")
    check_jsonl(out);
  else
    check_terminal_text(out);
}

// Runs `iom --data FILE -f FORMAT ARGS...`: exit 0 or 1, and output that
// parses.
void run_checked(iom::cli::Context &context, std::string_view format,
                 std::vector<std::string> args) {
  args.insert(args.begin(), {"--data", g_path, "-f", std::string(format)});
  const iom::fuzz::Outcome outcome = run_command(context, args);
  std::string what;
  for (const std::string &arg : args)
    what += arg + ' ';
  FUZZ_CHECK(outcome.status == iom::k_exit_ok ||
                 outcome.status == iom::k_exit_no_match,
             what + "-> " + std::to_string(outcome.status) + ": " +
                 outcome.message);
  check_output(format, outcome.out);
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***) {
  iom::fuzz::setup_process();
  const char *dir = std::getenv("TMPDIR");
  std::string pattern =
      std::string(dir && *dir ? dir : "/tmp") + "/fuzz_commands_XXXXXX.toml";
  const int fd = ::mkstemps(pattern.data(), 5);
  FUZZ_CHECK(fd >= 0, pattern);
  ::close(fd);
  g_path = pattern;
  std::atexit([] { ::unlink(g_path.c_str()); });
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data,
                                      std::size_t size) {
  write_file(data, size);
  iom::util::Output out(iom::util::Output::k_in_memory);
  iom::cli::Context context(out);
  context.options.data_path = g_path;

  bool loads = true;
  try {
    const iom::fuzz::Quiet quiet;
    (void)context.indexed();
  } catch (const iom::Error &error) {
    FUZZ_CHECK(error.exit_code() == iom::k_exit_error, error.what());
    loads = false;
  }
  {
    // validate re-reads the file with its own Context: the same verdict.
    iom::util::Output validate_out(iom::util::Output::k_in_memory);
    iom::cli::Context validate_context(validate_out);
    const iom::fuzz::Outcome validated =
        run_command(validate_context, {"validate", g_path});
    FUZZ_CHECK(validated.status == (loads ? iom::k_exit_ok : iom::k_exit_error),
               "validate " + std::to_string(validated.status) + ": " +
                   validated.message);
  }
  if (!loads)
    return 0;

  const iom::Dataset &dataset = context.indexed();
  // The loader refuses a name longer than a query may be, so every id can
  // be shown and every name searched.
  std::vector<std::string> ids;
  for (const iom::Entry &entry : dataset.entries) {
    FUZZ_CHECK(entry.id.size() <= iom::k_max_query_bytes, entry.id);
    ids.emplace_back(entry.id);
  }
  std::vector<std::string> search_words;
  if (!dataset.entries.empty()) {
    const std::string name(dataset.entries.front().name);
    FUZZ_CHECK(name.size() <= iom::k_max_query_bytes, name);
    search_words.push_back(name);
    if (name.size() > 1)
      search_words.push_back(name.substr(0, name.size() - 1));
  }

  for (const std::string_view format : k_formats) {
    if (!ids.empty()) {
      std::vector<std::string> show{"show", "--"};
      show.insert(show.end(), ids.begin(), ids.end());
      run_checked(context, format, show);
    }
    for (const char *command :
         {"countries", "offices", "regions", "types", "stats"})
      run_checked(context, format, {command});
    run_checked(context, format, {"-F", "all", "offices"});
    for (const std::string &word : search_words)
      run_checked(context, format, {"search", "--", word});
    if (format == "tsv" || format == "csv" || format == "jsonl") {
      std::vector<std::string> convert{"convert", "--keep", "--to", "all",
                                       "--"};
      convert.insert(convert.end(), ids.begin(), ids.end());
      run_checked(context, format, convert);
    }
  }
  return 0;
}
