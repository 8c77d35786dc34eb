#pragma once

// What the fuzz targets share: a check that reports and aborts (libFuzzer
// then saves the input), and the invariants of the matcher, which both the
// built-in dataset (fuzz_match) and loaded ones (fuzz_dataset) must satisfy.
// Search is checked against a plain reference implementation of the scoring
// table in query/match.hpp, with none of Searcher's shortcuts (letter masks,
// length filters, banded edit distance, words scored once).

#include "model.hpp"
#include "query/distance.hpp"
#include "query/match.hpp"
#include "query/normalise.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <unistd.h>
#include <vector>

namespace iom::fuzz {

// Where a failed check is reported: stderr, unless the target redirects
// fd 2 while the code under test runs.
inline int g_report_fd = 2;

[[noreturn]] inline void fail(const char *file, int line, const char *what,
                              std::string_view detail) {
  std::string message = std::string(file) + ":" + std::to_string(line) +
                        ": check failed: " + what;
  if (!detail.empty()) {
    message += "\n  ";
    // Printable, so that the report itself is safe to look at.
    for (const char c : detail) {
      const auto b = static_cast<unsigned char>(c);
      if (b >= 0x20 && b < 0x7f && b != '\\') {
        message += c;
      } else {
        char hex[5];
        std::snprintf(hex, sizeof hex, "\\x%02x", b);
        message += hex;
      }
    }
  }
  message += '\n';
  for (std::size_t done = 0; done < message.size();) {
    const ssize_t n =
        ::write(g_report_fd, message.data() + done, message.size() - done);
    if (n <= 0)
      break;
    done += static_cast<std::size_t>(n);
  }
  std::abort();
}

} // namespace iom::fuzz

#define FUZZ_CHECK(condition, detail)                                          \
  do {                                                                         \
    if (!(condition))                                                          \
      ::iom::fuzz::fail(__FILE__, __LINE__, #condition, (detail));             \
  } while (false)

namespace iom::fuzz {

inline bool is_code_kind(KeyKind kind) {
  return kind == KeyKind::iso2 || kind == KeyKind::iso3 ||
         kind == KeyKind::numeric;
}

inline bool accepted(query::From from, KeyKind kind) {
  switch (from) {
  case query::From::any:
    return true;
  case query::From::name:
    return kind == KeyKind::name || kind == KeyKind::short_name ||
           kind == KeyKind::id;
  case query::From::iso2:
    return kind == KeyKind::iso2;
  case query::From::iso3:
    return kind == KeyKind::iso3;
  case query::From::numeric:
    return kind == KeyKind::numeric;
  case query::From::alias:
    return kind == KeyKind::alias;
  }
  return false;
}

// The keys whose text is `text`: a range of data.keys.
inline std::span<const Key> keys_equal_to(const Dataset &data,
                                          std::string_view text) {
  const auto [first, last] = std::equal_range(
      data.keys.begin(), data.keys.end(), text,
      [](const auto &a, const auto &b) {
        if constexpr (std::is_same_v<std::decay_t<decltype(a)>, Key>)
          return a.key < b;
        else
          return a < b.key;
      });
  return {first, last};
}

inline bool has_key(const Dataset &data, std::string_view text,
                    PlaceIndex place) {
  for (const Key &key : keys_equal_to(data, text))
    if (key.place == place)
      return true;
  return false;
}

// The reference scorer. It is not instrumented for coverage: its branches
// say nothing about the code under test, and it is most of the time spent.
#define FUZZ_NO_COVERAGE __attribute__((no_sanitize("coverage")))

FUZZ_NO_COVERAGE inline bool code_shaped(std::string_view raw,
                                         std::string_view normalised) {
  if (!normalised.empty() &&
      normalised.find_first_not_of("0123456789") == std::string_view::npos)
    return true;
  int characters = 0;
  for (const char c : raw) {
    const auto b = static_cast<unsigned char>(c);
    // A UTF-8 lead byte stands for one (possibly accented) letter.
    characters += (b >= '0' && b <= '9') || (b >= 'a' && b <= 'z') ||
                  (b >= 'A' && b <= 'Z') || b >= 0xC0;
  }
  return characters >= 1 && characters <= 3;
}

FUZZ_NO_COVERAGE inline void tokens_of(std::string_view text,
                                       std::vector<std::string_view> &out) {
  out.clear();
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t end = std::min(text.find(' ', start), text.size());
    if (end > start)
      out.push_back(text.substr(start, end - start));
    start = end + 1;
  }
}

// Whether each query token can take a distinct key token that it equals
// (`whole`) or begins: bipartite matching by augmenting paths.
FUZZ_NO_COVERAGE inline bool fits(std::string_view key_token,
                                  std::string_view query_token, bool whole) {
  return whole ? key_token == query_token
               : key_token.substr(0, query_token.size()) == query_token;
}

FUZZ_NO_COVERAGE inline bool augment(const std::vector<std::string_view> &q,
                                     const std::vector<std::string_view> &k,
                                     bool whole, std::size_t token,
                                     std::vector<int> &owner,
                                     std::vector<char> &visited) {
  for (std::size_t i = 0; i < k.size(); ++i) {
    if (visited[i] || !fits(k[i], q[token], whole))
      continue;
    visited[i] = 1;
    if (owner[i] < 0 || augment(q, k, whole, static_cast<std::size_t>(owner[i]),
                                owner, visited)) {
      owner[i] = static_cast<int>(token);
      return true;
    }
  }
  return false;
}

FUZZ_NO_COVERAGE inline bool tokens_fit(const std::vector<std::string_view> &q,
                                        const std::vector<std::string_view> &k,
                                        bool whole) {
  static std::vector<int> owner;
  static std::vector<char> visited;
  owner.assign(k.size(), -1);
  for (std::size_t t = 0; t < q.size(); ++t) {
    visited.assign(k.size(), 0);
    if (!augment(q, k, whole, t, owner, visited))
      return false;
  }
  return true;
}

// Optimal string alignment distance, the whole matrix.
FUZZ_NO_COVERAGE inline int osa_distance(std::string_view a,
                                         std::string_view b) {
  const std::size_t n = a.size(), m = b.size(), w = m + 1;
  static std::vector<int> matrix;
  matrix.assign((n + 1) * w, 0);
  const auto d = [&](std::size_t i, std::size_t j) -> int & {
    return matrix[i * w + j];
  };
  for (std::size_t i = 0; i <= n; ++i)
    d(i, 0) = static_cast<int>(i);
  for (std::size_t j = 0; j <= m; ++j)
    d(0, j) = static_cast<int>(j);
  for (std::size_t i = 1; i <= n; ++i)
    for (std::size_t j = 1; j <= m; ++j) {
      const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
      int best = d(i - 1, j - 1) + cost;
      if (d(i - 1, j) + 1 < best)
        best = d(i - 1, j) + 1;
      if (d(i, j - 1) + 1 < best)
        best = d(i, j - 1) + 1;
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
          d(i - 2, j - 2) + 1 < best)
        best = d(i - 2, j - 2) + 1;
      d(i, j) = best;
    }
  return d(n, m);
}

// The distance when it is within `bound`, else bound + 1. Lengths further
// apart than the bound need more edits, so the matrix stays small.
FUZZ_NO_COVERAGE inline int bounded_distance(std::string_view a,
                                             std::string_view b, int bound) {
  const std::size_t gap =
      a.size() > b.size() ? a.size() - b.size() : b.size() - a.size();
  if (gap > static_cast<std::size_t>(bound))
    return bound + 1;
  return std::min(osa_distance(a, b), bound + 1);
}

struct ReferenceScore {
  int score = -1;
  query::Reason reason = query::Reason::edit;
  int distance = 0;
};

FUZZ_NO_COVERAGE inline ReferenceScore
reference_score(std::string_view raw, std::string_view q,
                const std::vector<std::string_view> &qt, const Key &key) {
  using query::Reason;
  const std::string_view k = key.key;
  if (is_code_kind(key.kind)) {
    if (code_shaped(raw, q) && k == q)
      return {query::k_score_code, Reason::code, 0};
    return {};
  }
  if (k == q)
    return key.kind == KeyKind::alias
               ? ReferenceScore{query::k_score_alias, Reason::alias, 0}
               : ReferenceScore{query::k_score_exact, Reason::exact, 0};
  const auto coverage = [&](int base, bool whole_words) {
    return base + (whole_words ? query::k_score_whole_words : 0) +
           static_cast<int>(static_cast<std::size_t>(query::k_score_coverage) *
                            q.size() / k.size());
  };
  // A query of 1-2 bytes never earns the whole-words bonus.
  const bool long_enough = q.size() > 2;
  if (k.starts_with(q))
    return {coverage(query::k_score_prefix, long_enough && k[q.size()] == ' '),
            Reason::prefix, 0};
  static std::vector<std::string_view> kt;
  tokens_of(k, kt);
  if (qt.size() <= kt.size()) {
    const bool whole = tokens_fit(qt, kt, true);
    if (whole || tokens_fit(qt, kt, false))
      return {coverage(query::k_score_token, long_enough && whole),
              Reason::token, 0};
  }
  ReferenceScore best;
  // Word by word, each word within the smaller of its two bounds.
  if (qt.size() == kt.size()) {
    int d = 0;
    for (std::size_t i = 0; i < qt.size() && d >= 0; ++i) {
      const int bound = std::min(query::edit_bound(qt[i].size()),
                                 query::edit_bound(kt[i].size()));
      const int w = bounded_distance(qt[i], kt[i], bound);
      d = w > bound ? -1 : d + w;
    }
    if (d > 0)
      best = {query::k_score_edit - query::k_score_per_edit * d, Reason::edit,
              d};
  }
  if (qt.size() == 1 && kt.size() > 1) {
    for (const std::string_view token : kt) {
      if (query::is_function_word(token))
        continue; // "and", "for", "del": no typo is taken for them
      const int token_bound = std::min(query::edit_bound(q.size()),
                                       query::edit_bound(token.size()));
      if (token_bound == 0)
        continue;
      const int d = bounded_distance(q, token, token_bound);
      const int score = query::k_score_token_edit - query::k_score_per_edit * d;
      if (d <= token_bound && score > best.score)
        best = {score, Reason::edit, d};
    }
  }
  return best;
}

// Each entry's best score over its keys, as match.hpp's table defines it.
FUZZ_NO_COVERAGE inline std::vector<ReferenceScore>
reference_search(const Dataset &data, std::string_view raw) {
  const std::string q = query::normalise(raw);
  std::vector<ReferenceScore> best(place_count(data));
  if (q.empty())
    return best;
  std::vector<std::string_view> qt;
  tokens_of(q, qt);
  for (const Key &key : data.keys) {
    const ReferenceScore s = reference_score(raw, q, qt, key);
    if (key.place < best.size() && s.score > best[key.place].score)
      best[key.place] = s;
  }
  return best;
}

// Everything lookup, search, confident, suggest and find_host promise for
// one query, checked against each other and against the reference.
inline void check_query(const Dataset &data, const query::Searcher &searcher,
                        std::string_view query) {
  const std::string normalised = query::normalise(query);
  const std::size_t n = place_count(data);

  std::vector<query::Match> any = query::lookup(data, query);
  // Lookup reads a comma-inverted query in its natural order when the text
  // as typed is no key; search scores the text as typed.
  std::string looked_up_text = normalised;
  if (!any.empty() && !has_key(data, normalised, any.front().place))
    if (const auto natural = query::natural_order(query))
      looked_up_text = query::normalise(*natural);
  const bool inverted = looked_up_text != normalised;
  for (const auto from :
       {query::From::any, query::From::name, query::From::iso2,
        query::From::iso3, query::From::numeric, query::From::alias}) {
    const std::vector<query::Match> matches =
        from == query::From::any ? any : query::lookup(data, query, from);
    for (std::size_t i = 0; i < matches.size(); ++i) {
      const query::Match &m = matches[i];
      FUZZ_CHECK(m.place < n, query);
      FUZZ_CHECK(i == 0 || matches[i - 1].place < m.place, query);
      FUZZ_CHECK(accepted(from, m.kind), query);
      FUZZ_CHECK(has_key(data, normalised, m.place) ||
                     has_key(data, looked_up_text, m.place),
                 query);
      // Narrowing the fields never finds a place, by the text as typed,
      // that any field misses.
      FUZZ_CHECK(!has_key(data, normalised, m.place) ||
                     std::any_of(any.begin(), any.end(),
                                 [&](const query::Match &a) {
                                   return a.place == m.place;
                                 }),
                 query);
    }
  }

  const std::vector<query::Candidate> ranked = searcher.search(query);
  // The index only skips keys: scoring every key gives the very same list,
  // down to which of two tying keys is named.
  const std::vector<query::Candidate> every =
      searcher.search(query, query::Searcher::Scan::every_key);
  FUZZ_CHECK(every.size() == ranked.size(), query);
  for (std::size_t i = 0; i < every.size() && i < ranked.size(); ++i)
    FUZZ_CHECK(every[i].place == ranked[i].place &&
                   every[i].score == ranked[i].score &&
                   every[i].reason == ranked[i].reason &&
                   every[i].key.data() == ranked[i].key.data() &&
                   every[i].distance == ranked[i].distance,
               query);
  const std::vector<ReferenceScore> reference = reference_search(data, query);
  std::vector<bool> seen(n, false);
  for (std::size_t i = 0; i < ranked.size(); ++i) {
    const query::Candidate &c = ranked[i];
    FUZZ_CHECK(c.place < n, query);
    FUZZ_CHECK(!seen[c.place], query);
    seen[c.place] = true;
    if (i > 0) {
      const query::Candidate &p = ranked[i - 1];
      FUZZ_CHECK(p.score > c.score || (p.score == c.score && p.place < c.place),
                 query);
    }
    // The key is one of this place's keys, viewed in place.
    bool own_key = false;
    for (const Key &key : keys_equal_to(data, c.key))
      own_key =
          own_key || (key.place == c.place && key.key.data() == c.key.data());
    FUZZ_CHECK(own_key, query);
    FUZZ_CHECK(c.distance >= 0, query);
    // The same best score as the reference, and the key that gives it. (Of
    // keys that tie, either may be named.)
    const ReferenceScore &r = reference[c.place];
    FUZZ_CHECK(
        c.score == r.score && c.reason == r.reason && c.distance == r.distance,
        std::string(query) + " | place " + std::to_string(c.place) + " key '" +
            std::string(c.key) + "': score " + std::to_string(c.score) +
            ", reference " + std::to_string(r.score));
    bool key_scores = false;
    std::vector<std::string_view> qt;
    tokens_of(normalised, qt);
    for (const Key &k : keys_equal_to(data, c.key))
      if (k.place == c.place)
        key_scores = key_scores ||
                     reference_score(query, normalised, qt, k).score == c.score;
    FUZZ_CHECK(key_scores, query);
    using query::Reason;
    switch (c.reason) {
    case Reason::code:
      FUZZ_CHECK(c.score == query::k_score_code, query);
      break;
    case Reason::exact:
      FUZZ_CHECK(c.score == query::k_score_exact, query);
      break;
    case Reason::alias:
      FUZZ_CHECK(c.score == query::k_score_alias, query);
      break;
    case Reason::prefix:
      FUZZ_CHECK(c.score >= query::k_score_prefix &&
                     c.score < query::k_score_prefix + 200,
                 query);
      break;
    case Reason::token:
      FUZZ_CHECK(c.score >= query::k_score_token &&
                     c.score < query::k_score_token + 200,
                 query);
      break;
    case Reason::edit:
      FUZZ_CHECK(c.score == query::k_score_edit -
                                query::k_score_per_edit * c.distance ||
                     c.score == query::k_score_token_edit -
                                    query::k_score_per_edit * c.distance,
                 query);
      FUZZ_CHECK(c.score >= 0, query);
      break;
    }
    // An exact match is exactly what lookup finds.
    const bool exact = c.reason == Reason::code || c.reason == Reason::exact ||
                       c.reason == Reason::alias;
    const bool looked_up =
        std::any_of(any.begin(), any.end(),
                    [&](const query::Match &m) { return m.place == c.place; });
    FUZZ_CHECK(inverted || exact == looked_up, query);
  }
  if (!inverted)
    for (const query::Match &m : any)
      FUZZ_CHECK(m.place < n && seen[m.place], query);
  // No place that the reference scores is missing.
  for (std::size_t e = 0; e < n; ++e)
    FUZZ_CHECK(seen[e] == (reference[e].score >= 0),
               std::string(query) + " | place " + std::to_string(e) +
                   ": reference score " + std::to_string(reference[e].score));

  const std::optional<query::Candidate> best = query::confident(ranked);
  if (best) {
    FUZZ_CHECK(best->place == ranked.front().place, query);
    FUZZ_CHECK(ranked.size() == 1 || ranked[1].score < best->score, query);
  } else if (!ranked.empty() &&
             (ranked.size() == 1 || ranked[1].score < ranked[0].score)) {
    const query::Reason reason = ranked.front().reason;
    FUZZ_CHECK(reason != query::Reason::exact &&
                   reason != query::Reason::alias &&
                   reason != query::Reason::code,
               query);
  }

  constexpr std::size_t k_limit = 5;
  const std::vector<query::Candidate> suggested =
      query::suggest(searcher, query, k_limit);
  std::vector<query::Candidate> expected;
  for (const query::Candidate &c : ranked)
    if (c.score >= query::k_suggest_floor &&
        c.score >= ranked.front().score - query::k_suggest_spread &&
        expected.size() < k_limit)
      expected.push_back(c);
  FUZZ_CHECK(suggested.size() == expected.size(), query);
  for (std::size_t i = 0; i < expected.size(); ++i)
    FUZZ_CHECK(suggested[i].place == expected[i].place &&
                   suggested[i].score == expected[i].score,
               query);

  if (const Host *host = query::find_host(data, query)) {
    FUZZ_CHECK(host >= data.hosts.data() &&
                   host < data.hosts.data() + data.hosts.size(),
               query);
    FUZZ_CHECK(!normalised.empty(), query);
  }
}

} // namespace iom::fuzz
