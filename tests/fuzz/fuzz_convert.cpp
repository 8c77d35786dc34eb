// `iom convert` on an arbitrary stdin, through the real command line, so
// that option parsing, line splitting, lookup and the line writers are all
// exercised together. This is cli::run with a fresh CLI11 tree per input:
// cli::run keeps its tree in a static, which parses one command line per
// process.
//
// The invariant is the command's promise: exactly one output line per input
// line, a final line without a newline included. With --keep in TSV, the
// first field of output line i also gives back input line i (without a
// trailing CR; a line too long to look up may be cut, past
// k_max_query_bytes), so lines are neither merged, split nor reordered.
// And the output does not depend on how the reads split the input: the same
// input read in one piece gives the same stdout and exit status.
//
// Input: 2 option bytes, then stdin.
//   byte 0: bits 0-1 format (tsv, csv, jsonl, tsv), 2 --fuzzy, 3 --keep,
//           4-6 --from (any, name, iso2, iso3, numeric, alias, any, any),
//           7 --to name,languages instead of iso3
//   byte 1: stdin arrives in reads of this many bytes (0: 64 KiB), so
//           that lines are split across reads as a pipe would split them.
//
// stdin is a SOCK_SEQPACKET socket, whose reads return exactly one written
// chunk each, so the chunking is deterministic; a thread writes it. stdout is
// a memfd. The per-line warnings on stderr go to /dev/null; sanitizer reports
// and failed checks go to the real stderr.

#include "cli/app.hpp"
#include "cli/context.hpp"
#include "cli/explain.hpp"
#include "support.hpp"
#include "util/error.hpp"

#include <CLI/CLI.hpp>
#include <sanitizer/common_interface_defs.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <fcntl.h>
#include <string>
#include <string_view>
#include <sys/mman.h>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>
#include <vector>

namespace {

int g_stdout_memfd = -1;
int g_devnull = -1;
int g_saved_stdin = -1;
int g_saved_stdout = -1;
int g_saved_stderr = -1;

void check_errno(bool ok, const char *what) { FUZZ_CHECK(ok, what); }

// One datagram must fit in the socket's send buffer.
constexpr std::size_t k_max_chunk = 64 * 1024;

void write_all(int fd, std::string_view data, std::size_t chunk) {
  if (chunk == 0)
    chunk = k_max_chunk;
  while (!data.empty()) {
    const std::size_t n = std::min(chunk, data.size());
    const ssize_t written = ::send(fd, data.data(), n, MSG_NOSIGNAL);
    if (written < 0 && errno == EINTR)
      continue;
    check_errno(written == static_cast<ssize_t>(n), "send");
    data.remove_prefix(n);
  }
}

std::string read_stdout() {
  const off_t size = ::lseek(g_stdout_memfd, 0, SEEK_CUR);
  std::string out(static_cast<std::size_t>(size), '\0');
  check_errno(::pread(g_stdout_memfd, out.data(), out.size(), 0) == size,
              "pread");
  check_errno(::ftruncate(g_stdout_memfd, 0) == 0, "ftruncate");
  check_errno(::lseek(g_stdout_memfd, 0, SEEK_SET) == 0, "lseek");
  return out;
}

int run_cli(int argc, char **argv) {
  iom::util::Output out;
  iom::cli::Context context(out);
  CLI::App app{"iom", "iom"};
  iom::cli::build_app_for(app, context, argc, argv);
  app.parse(argc, argv);
  out.flush();
  return context.status;
}

// Runs `iom ARGS...` with `input` on stdin; returns stdout and the status.
std::pair<std::string, int> run_iom(std::vector<std::string> args,
                                    std::string_view input, std::size_t chunk) {
  int sockets[2];
  check_errno(
      ::socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sockets) == 0,
      "socketpair");
  std::thread writer([&] {
    write_all(sockets[1], input, chunk);
    ::close(sockets[1]); // end of input
  });

  std::vector<char *> argv;
  for (std::string &arg : args)
    argv.push_back(arg.data());
  argv.push_back(nullptr);

  check_errno(::dup2(sockets[0], 0) == 0, "dup2 stdin");
  check_errno(::dup2(g_stdout_memfd, 1) == 1, "dup2 stdout");
  check_errno(::dup2(g_devnull, 2) == 2, "dup2 stderr");
  // An exception here is a failure: main would report it, but convert has
  // nothing to refuse in this input.
  const int status = run_cli(static_cast<int>(argv.size() - 1), argv.data());
  check_errno(::dup2(g_saved_stderr, 2) == 2, "restore stderr");
  check_errno(::dup2(g_saved_stdout, 1) == 1, "restore stdout");
  check_errno(::dup2(g_saved_stdin, 0) == 0, "restore stdin");
  writer.join();
  ::close(sockets[0]);
  return {read_stdout(), status};
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
  ::unsetenv("IOM_DATA"); // the built-in dataset, always
  g_stdout_memfd = ::memfd_create("iom-stdout", MFD_CLOEXEC);
  g_devnull = ::open("/dev/null", O_WRONLY | O_CLOEXEC);
  g_saved_stdin = ::fcntl(0, F_DUPFD_CLOEXEC, 10);
  g_saved_stdout = ::fcntl(1, F_DUPFD_CLOEXEC, 10);
  g_saved_stderr = ::fcntl(2, F_DUPFD_CLOEXEC, 10);
  iom::fuzz::g_report_fd = g_saved_stderr;
  __sanitizer_set_report_fd(
      reinterpret_cast<void *>(static_cast<std::intptr_t>(g_saved_stderr)));
  check_errno(g_stdout_memfd >= 0 && g_devnull >= 0 && g_saved_stdin >= 0 &&
                  g_saved_stdout >= 0 && g_saved_stderr >= 0,
              "setup");
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
  const bool fuzzy = options & 4;
  const bool keep = options & 8;
  // Every option is given every time: CLI11 leaves an option that is not
  // given as the previous run set it, and convert's options are static.
  const std::vector<std::string> args = {
      "iom",
      "-f",
      format,
      "convert",
      "--to",
      (options & 128) ? "name,languages" : "iso3",
      "--from",
      k_froms[(options >> 4) & 7],
      fuzzy ? "--fuzzy=true" : "--fuzzy=false",
      keep ? "--keep=true" : "--keep=false"};
  const auto [out, status] = run_iom(args, input, chunk);
  FUZZ_CHECK(status == iom::k_exit_ok || status == iom::k_exit_no_match, out);
  if (chunk != 0 && chunk < input.size()) {
    const auto [whole_out, whole_status] = run_iom(args, input, 0);
    FUZZ_CHECK(out == whole_out && status == whole_status,
               "in reads of " + std::to_string(chunk) + " bytes:\n" + out +
                   "\nin one read:\n" + whole_out);
  }

  const std::vector<std::string_view> in_lines = split_lines(input);
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
      constexpr std::size_t k_max = iom::cli::k_max_query_bytes;
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
