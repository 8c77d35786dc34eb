// The dataset loader and validator: arbitrary bytes as a --data file.
//
// Either the file is refused with an iom::Error in the documented shape (one
// "FILE:LINE:COL: message" or "FILE: message" line per problem, exit code 2),
// or it loads into a dataset that keeps every promise the rest of the program
// relies on without checking: indices in range, references resolved, strings
// readable (ASan checks every view as it is hashed), and lookup keys that are
// exactly build_keys' contract: sorted, unique per entry, complete, with the
// strongest kind. The matcher then runs against the loaded keys.

#include "dataset/load.hpp"
#include "query/index.hpp"
#include "query/keys.hpp"
#include "query/normalise.hpp"
#include "support.hpp"
#include "util/error.hpp"

#include <cstddef>
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <string_view>

namespace {

constexpr std::string_view k_name = "fuzz.toml";
// Queries run against a loaded dataset; each one scans every key.
constexpr std::size_t k_max_queries = 8;

using iom::Dataset;
using iom::Entry;
using iom::KeyKind;

void check_refusal(const iom::Error &error) {
  FUZZ_CHECK(error.exit_code() == iom::k_exit_error, error.what());
  const std::string_view message = error.what();
  FUZZ_CHECK(!message.empty(), message);
  std::size_t start = 0;
  while (start <= message.size()) {
    std::size_t end = message.find('\n', start);
    if (end == std::string_view::npos)
      end = message.size();
    const std::string_view line = message.substr(start, end - start);
    FUZZ_CHECK(line.starts_with(k_name) && line.size() > k_name.size() &&
                   line[k_name.size()] == ':',
               message);
    start = end + 1;
  }
}

// Reads every byte of a view, so that ASan catches one that dangles.
std::size_t g_sink = 0;
void touch(std::string_view text) {
  for (const char c : text)
    g_sink += static_cast<unsigned char>(c);
}
void touch(iom::Strings list) {
  for (const std::string_view item : list)
    touch(item);
}

bool is_enum(iom::Kind kind) {
  return kind == iom::Kind::country || kind == iom::Kind::territory ||
         kind == iom::Kind::office;
}
bool is_enum(iom::Basis basis) {
  return basis == iom::Basis::sourced || basis == iom::Basis::assumed ||
         basis == iom::Basis::inferred;
}
bool is_enum(iom::CodeStatus status) {
  return status == iom::CodeStatus::iso ||
         status == iom::CodeStatus::user_assigned ||
         status == iom::CodeStatus::none;
}

void check_model(const Dataset &data) {
  touch(data.origin);
  touch(data.meta.data_version);
  touch(data.meta.source_note);
  std::set<std::string_view> ids;
  std::set<std::string_view> iso2s;
  for (const auto &host : data.hosts) {
    touch(host.name);
    touch(host.aliases);
    iso2s.insert(host.iso2);
  }
  for (const Entry &e : data.entries) {
    touch(e.id);
    touch(e.name);
    touch(e.short_name);
    touch(e.city);
    touch(e.note);
    touch(e.region_source);
    touch(e.type_source);
    touch(e.languages);
    touch(e.aliases);
    touch(e.sources);
    FUZZ_CHECK(!e.id.empty() && !e.name.empty() && !e.short_name.empty(), e.id);
    FUZZ_CHECK(ids.insert(e.id).second, e.id);
    FUZZ_CHECK(is_enum(e.kind) && is_enum(e.code_status) &&
                   is_enum(e.region_basis) && is_enum(e.type_basis),
               e.id);
    FUZZ_CHECK(iom::to_size(e.type) < data.types.size(), e.id);
    if (e.region == iom::k_no_region)
      FUZZ_CHECK(e.kind == iom::Kind::office, e.id);
    else
      FUZZ_CHECK(iom::to_size(e.region) < data.regions.size(), e.id);
    FUZZ_CHECK((e.kind == iom::Kind::office) == !e.host.empty(), e.id);
    if (!e.iso2.empty())
      iso2s.insert(e.iso2);
  }
  for (const Entry &e : data.entries)
    FUZZ_CHECK(e.host.empty() || iso2s.count(e.host), e.host);
  for (const auto &region : data.regions) {
    touch(region.name);
    touch(region.note);
    FUZZ_CHECK(ids.count(region.office), region.office);
  }
}

void check_keys(const Dataset &data) {
  const std::size_t places = iom::place_count(data);
  for (std::size_t i = 0; i < data.keys.size(); ++i) {
    const iom::Key &key = data.keys[i];
    FUZZ_CHECK(!key.key.empty(), "");
    FUZZ_CHECK(key.place < places, key.key);
    if (i > 0) {
      const iom::Key &previous = data.keys[i - 1];
      FUZZ_CHECK(previous.key < key.key ||
                     (previous.key == key.key &&
                      (previous.place < key.place ||
                       (previous.place == key.place &&
                        iom::query::key_class(previous.kind) !=
                            iom::query::key_class(key.kind)))),
                 key.key);
    }
  }
  // Each entry's normalised names and codes are keys of its place, each
  // once per key class. (World rows add more; build_keys' unit tests hold
  // those.)
  for (std::size_t i = 0; i < data.entries.size(); ++i) {
    const Entry &e = data.entries[i];
    std::map<std::pair<std::string, int>, KeyKind> expected;
    const auto add = [&](std::string_view text, KeyKind kind) {
      std::string key = iom::query::normalise(text);
      if (key.empty())
        return;
      expected.emplace(std::pair(key, iom::query::key_class(kind)), kind);
    };
    add(e.iso2, KeyKind::iso2);
    add(e.iso3, KeyKind::iso3);
    add(e.numeric, KeyKind::numeric);
    add(e.name, KeyKind::name);
    add(e.short_name, KeyKind::short_name);
    add(e.id, KeyKind::id);
    for (const std::string_view alias : e.aliases)
      add(alias, KeyKind::alias);
    for (const auto &[text_class, kind] : expected) {
      std::size_t found = 0;
      for (const iom::Key &key :
           iom::fuzz::keys_equal_to(data, text_class.first))
        found += key.place == i &&
                 iom::query::key_class(key.kind) == text_class.second;
      FUZZ_CHECK(found == 1, text_class.first);
    }
  }
}

void check_queries(const Dataset &data) {
  const iom::query::Searcher searcher(data);
  std::size_t done = 0;
  for (const Entry &e : data.entries) {
    if (done++ == k_max_queries)
      break;
    iom::fuzz::check_query(data, searcher, e.name);
    if (!e.aliases.empty())
      iom::fuzz::check_query(data, searcher, e.aliases.front());
  }
  for (std::size_t i = 0; i < data.hosts.size() && i < k_max_queries; ++i)
    iom::fuzz::check_query(data, searcher, data.hosts[i].name);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *bytes,
                                      std::size_t size) {
  const std::string_view text(reinterpret_cast<const char *>(bytes), size);
  Dataset data;
  try {
    data = iom::dataset::load_text(text, k_name);
  } catch (const iom::Error &error) {
    check_refusal(error);
    return 0;
  }
  FUZZ_CHECK(data.origin == k_name, data.origin);
  iom::query::attach_keys(data);
  check_model(data);
  check_keys(data);
  check_queries(data);
  return 0;
}
