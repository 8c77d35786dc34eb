#pragma once

// One `iom ARGS...` in process, for fuzz_commands and fuzz_argv: the CLI11
// tree is built as cli::run builds it (cli::build_app_for, which adds -V)
// and parsed, and the command's callback writes to the context's in-memory
// util::Output. cli::run itself cannot be called twice in a process (its
// tree is a never-destroyed static that would get -V twice) and writes to
// fd 1, so this is cli::run's sequence with its error wording left out:
// what a fuzzer checks is the exit status, which is the same.
//
// stdin should be /dev/null (convert without a QUERY reads it) and stdout
// not a terminal; quiet() sends the commands' stderr to /dev/null while they
// run and keeps the sanitizers' and FUZZ_CHECK's reports on the real one.

#include "cli/app.hpp"
#include "cli/context.hpp"
#include "support.hpp"
#include "util/error.hpp"
#include "util/output.hpp"

#include "cli/cli11.hpp"

#include <cstdint>
#include <exception>
#include <fcntl.h>
#include <new>
#include <sanitizer/common_interface_defs.h>
#include <sstream>
#include <string>
#include <unistd.h>
#include <vector>

namespace iom::fuzz {

// Run once from LLVMFuzzerInitialize: stdin and stdout become /dev/null (so
// that nothing blocks and the writers see a pipe-like stdout), the reports
// go to a copy of stderr.
inline void setup_process() {
  ::unsetenv("IOM_DATA");
  ::unsetenv("IOM_LANG");
  ::unsetenv("NO_COLOR");
  const int devnull = ::open("/dev/null", O_RDWR | O_CLOEXEC);
  FUZZ_CHECK(devnull >= 0 && ::dup2(devnull, 0) == 0 && ::dup2(devnull, 1) == 1,
             "setup");
  ::close(devnull);
  FUZZ_CHECK(!util::stdout_is_terminal(), "stdout is /dev/null");
  g_report_fd = ::fcntl(2, F_DUPFD_CLOEXEC, 3);
  FUZZ_CHECK(g_report_fd >= 0, "dup stderr");
  __sanitizer_set_report_fd(
      reinterpret_cast<void *>(static_cast<std::intptr_t>(g_report_fd)));
}

// While alive, fd 2 is /dev/null: the commands' warnings are not checked and
// would flood the fuzzer's log.
class Quiet {
public:
  Quiet() {
    static const int devnull = ::open("/dev/null", O_WRONLY | O_CLOEXEC);
    ::dup2(devnull, 2);
  }
  ~Quiet() { ::dup2(g_report_fd, 2); }
  Quiet(const Quiet &) = delete;
  Quiet &operator=(const Quiet &) = delete;
};

struct Outcome {
  int status = 0;
  std::string out;     // stdout, from the context's Output or CLI11's help
  std::string message; // the iom::Error, if one ended the run
};

// `iom ARGS...` on `context`, whose Output must be in memory. The context's
// options are reset first; its dataset, once loaded, is kept, so that one
// --data file is read once for many runs.
inline Outcome run_command(cli::Context &context,
                           const std::vector<std::string> &args) {
  Outcome outcome;
  const std::string data_path = context.options.data_path;
  context.options = cli::GlobalOptions{};
  context.options.data_path = data_path;
  context.status = 0;
  context.out().buffer().clear();

  std::vector<std::string> words{"iom"};
  words.insert(words.end(), args.begin(), args.end());
  std::vector<char *> argv;
  for (std::string &word : words)
    argv.push_back(word.data());
  argv.push_back(nullptr);
  const int argc = static_cast<int>(words.size());

  const Quiet quiet;
  try {
    CLI::App app{"iom", "iom"};
    bool version = false;
    cli::build_app_for(app, context, version, argc, argv.data());
    try {
      app.parse(argc, argv.data());
    } catch (const CLI::CallForHelp &e) {
      std::ostringstream out, err;
      outcome.status = app.exit(e, out, err);
      outcome.out = out.str();
      return outcome;
    } catch (const CLI::CallForAllHelp &e) {
      std::ostringstream out, err;
      outcome.status = app.exit(e, out, err);
      outcome.out = out.str();
      return outcome;
    } catch (const CLI::ParseError &e) {
      // cli::run words these itself (refuse_extra, parse_message); all exit 2.
      throw Error(e.what());
    }
    if (version) {
      (void)context.data();
      outcome.status = k_exit_ok;
    } else if (app.get_subcommands().empty()) {
      throw Error("no command given; see 'iom --help'");
    } else {
      outcome.status = context.status;
    }
  } catch (const Error &error) {
    outcome.status = error.exit_code();
    outcome.message = error.what();
  } catch (const std::exception &error) {
    // main's last resort ("iom: " and what()): no message a user can act on.
    fail(__FILE__, __LINE__, "an exception other than iom::Error",
         error.what());
  }
  outcome.out = std::move(context.out().buffer());
  context.out().buffer().clear();
  return outcome;
}

} // namespace iom::fuzz
