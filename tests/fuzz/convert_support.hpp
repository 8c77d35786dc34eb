#pragma once

// What fuzz_convert and fuzz_table share: the built-in dataset and its
// Searcher, set up once per process, and one in-process conversion whose
// stdout, stderr and exit status are kept, so that a run in small reads can
// be compared with the same input read in one piece.

#include "cli/context.hpp"
#include "cli/convert.hpp"
#include "query/match.hpp"
#include "support.hpp"
#include "util/line_reader.hpp"
#include "util/output.hpp"

#include <cstddef>
#include <cstdlib>
#include <fcntl.h>
#include <memory>
#include <string>
#include <string_view>
#include <unistd.h>
#include <utility>

namespace iom::fuzz {

// As a pipe gave it to the old socket-fed fuzzer.
inline constexpr std::size_t k_whole_chunk = 64 * 1024;

// The reads' size for a fuzz input's chunk byte: 0 is in one piece.
inline std::size_t read_size(std::size_t chunk) {
  return chunk == 0 ? k_whole_chunk : chunk;
}

struct Converted {
  std::string out;
  std::string err;
  int status = 0;
  bool operator==(const Converted &) const = default;
};

// The built-in data, indexed, with its Searcher: built once, because
// building the Searcher is most of a run that has a miss. The writers ask
// once whether stdout is a terminal; they are answered as for a pipe, as
// users of convert in a script are, whatever runs the fuzzer.
class BuiltIn {
public:
  static const BuiltIn &get() {
    static const BuiltIn built_in;
    return built_in;
  }
  const Dataset &data() const { return *m_data; }
  const query::Searcher &searcher() const { return *m_searcher; }

private:
  BuiltIn() : m_output(util::Output::k_in_memory) {
    ::unsetenv("IOM_DATA"); // the built-in dataset, always
    const int saved_stdout = ::dup(1);
    const int devnull = ::open("/dev/null", O_WRONLY | O_CLOEXEC);
    FUZZ_CHECK(saved_stdout >= 0 && devnull >= 0 && ::dup2(devnull, 1) == 1,
               "setup");
    FUZZ_CHECK(!util::stdout_is_terminal(), "stdout is /dev/null");
    FUZZ_CHECK(::dup2(saved_stdout, 1) == 1, "restore stdout");
    ::close(saved_stdout);
    ::close(devnull);
    m_context = std::make_unique<cli::Context>(m_output);
    m_data = &m_context->indexed();
    m_searcher = std::make_unique<query::Searcher>(*m_data);
  }
  util::Output m_output;
  std::unique_ptr<cli::Context> m_context;
  const Dataset *m_data = nullptr;
  std::unique_ptr<query::Searcher> m_searcher;
};

// `run(reader, out, err)` over `input` read in reads of `chunk` bytes (0:
// k_whole_chunk), into in-memory outputs; `keep` is the LineReader's line
// ending rule (cli::k_convert_keep or cli::k_table_keep).
template <typename Run>
Converted convert_in_memory(std::string_view input, std::size_t chunk,
                            std::size_t keep, Run run) {
  util::Output out(util::Output::k_in_memory);
  util::Output err(util::Output::k_in_memory);
  util::LineReader reader(input, keep, read_size(chunk));
  Converted converted;
  converted.status = run(reader, out, err);
  converted.out = std::move(out.buffer());
  converted.err = std::move(err.buffer());
  return converted;
}

} // namespace iom::fuzz
