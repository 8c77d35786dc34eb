// The query normaliser and the matcher: arbitrary bytes as a query against
// the built-in dataset.
//
// Normalisation must give what query/normalise.hpp promises (lowercase ASCII
// tokens joined by single spaces, no leading zeros on a number, valid UTF-8
// out of valid UTF-8 in, the same result from both entry points) and be
// idempotent on valid UTF-8: the keys are normalised names, so a query that
// is already a key must find it. (Invalid bytes are copied through, and two
// of them can meet once what separated them is deleted, so idempotence is
// not promised there.) Lookup, search, confident, suggest and find_host must
// agree with each other; see support.hpp.

#include "dataset/builtin.hpp"
#include "query/normalise.hpp"
#include "support.hpp"
#include "util/utf8.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace {

using iom::fuzz::check_query;

void check_normalise(std::string_view query) {
  const std::string normalised = iom::query::normalise(query);

  // The allocation-free entry point agrees, whatever `out` held before.
  std::string reused = "stale contents";
  iom::query::normalise_into(reused, query);
  FUZZ_CHECK(reused == normalised, query);

  FUZZ_CHECK(normalised.empty() ||
                 (normalised.front() != ' ' && normalised.back() != ' '),
             query);
  FUZZ_CHECK(normalised.find("  ") == std::string::npos, query);
  for (const char c : normalised) {
    const auto b = static_cast<unsigned char>(c);
    FUZZ_CHECK(b >= 0x80 || c == ' ' || (c >= 'a' && c <= 'z') ||
                   (c >= '0' && c <= '9'),
               query);
  }
  if (normalised.size() > 1 &&
      normalised.find_first_not_of("0123456789") == std::string::npos)
    FUZZ_CHECK(normalised.front() != '0', query);

  if (iom::util::valid_utf8(query)) {
    FUZZ_CHECK(iom::util::valid_utf8(normalised), query);
    FUZZ_CHECK(iom::query::normalise(normalised) == normalised, query);
  }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data,
                                      std::size_t size) {
  const std::string_view query(reinterpret_cast<const char *>(data), size);
  // Built once: preparing the keys' words costs more than one search.
  static const iom::query::Searcher searcher(iom::dataset::builtin());
  check_normalise(query);
  check_query(iom::dataset::builtin(), searcher, query);
  return 0;
}
