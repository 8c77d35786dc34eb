// Arbitrary argument vectors through the real CLI setup (cli::build_app_for,
// every command's setup and callback), in process (see in_process.hpp), on
// the built-in dataset: every run ends in exit 0, 1 or 2, with no crash, no
// sanitizer report and no exception but iom::Error. stdin is /dev/null, so
// convert without a QUERY reads an empty input.
//
// Input: the arguments, separated by NUL bytes (an empty argument is two
// NULs in a row); at most k_max_args of them. The seeds are the golden
// cases' args files (tests/e2e/cases/*/args), one argument a line there,
// NUL-separated here ("@SRC@" is the source tree, as in those files).

#include "cli/context.hpp"
#include "in_process.hpp"
#include "support.hpp"
#include "util/error.hpp"
#include "util/output.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace {

// The golden cases need at most 11. Each `show` query that matches nothing
// builds a Searcher for its did-you-mean (about 2 ms, 10 under ASan), so
// more arguments only make slow inputs, not new paths.
constexpr std::size_t k_max_args = 16;
// The golden cases' paths ("@SRC@/tests/bad/files/valid.toml") are in the
// source tree, as run_case.py reads them.
constexpr std::string_view k_src = "@SRC@";
constexpr std::string_view k_source_dir = IOM_SOURCE_DIR;

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***) {
  iom::fuzz::setup_process();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data,
                                      std::size_t size) {
  const std::string_view input(reinterpret_cast<const char *>(data), size);
  std::vector<std::string> args;
  std::size_t start = 0;
  while (start < input.size() && args.size() < k_max_args) {
    std::size_t end = input.find('\0', start);
    if (end == std::string_view::npos)
      end = input.size();
    std::string arg(input.substr(start, end - start));
    for (std::size_t at = arg.find(k_src); at != std::string::npos;
         at = arg.find(k_src, at + k_source_dir.size()))
      arg.replace(at, k_src.size(), k_source_dir);
    args.push_back(std::move(arg));
    start = end + 1;
  }

  iom::util::Output out(iom::util::Output::k_in_memory);
  iom::cli::Context context(out);
  const iom::fuzz::Outcome outcome = iom::fuzz::run_command(context, args);
  FUZZ_CHECK(outcome.status == iom::k_exit_ok ||
                 outcome.status == iom::k_exit_no_match ||
                 outcome.status == iom::k_exit_error,
             std::to_string(outcome.status) + ": " + outcome.message);
  // A refusal says why; success and "not found" print nothing of the kind.
  FUZZ_CHECK(outcome.status == iom::k_exit_error || outcome.message.empty(),
             outcome.message);
  FUZZ_CHECK(outcome.status != iom::k_exit_error || !outcome.message.empty(),
             "exit 2 without a message");
  return 0;
}
