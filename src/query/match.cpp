#include "query/match.hpp"

#include <algorithm>
#include <cstdint>

#include "query/distance.hpp"
#include "query/normalise.hpp"

namespace iom::query {

namespace {

bool is_code(KeyKind kind) {
  return kind == KeyKind::iso2 || kind == KeyKind::iso3 ||
         kind == KeyKind::numeric;
}

bool accepts(From from, KeyKind kind) {
  switch (from) {
  case From::any:
    return true;
  case From::name:
    return kind == KeyKind::name || kind == KeyKind::short_name ||
           kind == KeyKind::id;
  case From::iso2:
    return kind == KeyKind::iso2;
  case From::iso3:
    return kind == KeyKind::iso3;
  case From::numeric:
    return kind == KeyKind::numeric;
  case From::alias:
    return kind == KeyKind::alias;
  }
  return false;
}

bool all_digits(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
    return c >= '0' && c <= '9';
  });
}

// Whether the user could have typed a code. Decided on the raw text because
// normalising turns the code "ST" into "saint".
bool code_shaped(std::string_view raw, std::string_view normalised) {
  if (all_digits(normalised))
    return true;
  int characters = 0;
  for (const char c : raw) {
    const auto b = static_cast<unsigned char>(c);
    const bool ascii_alnum = (b >= '0' && b <= '9') || (b >= 'a' && b <= 'z') ||
                             (b >= 'A' && b <= 'Z');
    // A UTF-8 lead byte stands for one (possibly accented) letter.
    if (ascii_alnum || b >= 0xC0)
      ++characters;
  }
  return characters <= 3;
}

void split_tokens(std::string_view text, std::vector<std::string_view> &out) {
  out.clear();
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t end = std::min(text.find(' ', start), text.size());
    if (end > start)
      out.push_back(text.substr(start, end - start));
    start = end + 1;
  }
}

// Assigns each query token to a distinct key token that it equals or begins,
// backtracking when an early choice blocks a later token. Token counts are
// tiny (a name has a dozen words at most).
// With `whole`, a query token must equal its key token.
bool assign_tokens(const std::vector<std::string_view> &query, std::size_t next,
                   const std::vector<std::string_view> &key, std::uint64_t used,
                   bool whole) {
  if (next == query.size())
    return true;
  for (std::size_t i = 0; i < key.size() && i < 64; ++i) {
    const std::uint64_t bit = std::uint64_t{1} << i;
    const bool fits =
        whole ? key[i] == query[next] : key[i].starts_with(query[next]);
    if ((used & bit) == 0 && fits &&
        assign_tokens(query, next + 1, key, used | bit, whole))
      return true;
  }
  return false;
}

struct Scored {
  int score = -1;
  Reason reason = Reason::edit;
  int distance = 0;
};

// The query, prepared once per search.
struct Query {
  std::string_view text;
  std::vector<std::string_view> tokens;
  bool codes;
  int bound;
};

int coverage_score(int base, bool whole_words, std::size_t part,
                   std::size_t whole) {
  return base + (whole_words ? k_score_whole_words : 0) +
         static_cast<int>(static_cast<std::size_t>(k_score_coverage) * part /
                          whole);
}

Scored score_key(const Query &q, const Key &key,
                 std::vector<std::string_view> &key_tokens) {
  const std::string_view k = key.key;
  if (is_code(key.kind)) {
    if (q.codes && k == q.text)
      return {k_score_code, Reason::code, 0};
    return {};
  }
  if (k == q.text) {
    if (key.kind == KeyKind::alias)
      return {k_score_alias, Reason::alias, 0};
    return {k_score_exact, Reason::exact, 0};
  }
  if (k.starts_with(q.text)) {
    const bool whole_words = k[q.text.size()] == ' ';
    return {
        coverage_score(k_score_prefix, whole_words, q.text.size(), k.size()),
        Reason::prefix, 0};
  }

  split_tokens(k, key_tokens);
  if (q.tokens.size() <= key_tokens.size()) {
    const bool whole_words = assign_tokens(q.tokens, 0, key_tokens, 0, true);
    if (whole_words || assign_tokens(q.tokens, 0, key_tokens, 0, false))
      return {
          coverage_score(k_score_token, whole_words, q.text.size(), k.size()),
          Reason::token, 0};
  }

  Scored best;
  const int whole_bound = std::min(q.bound, edit_bound(k.size()));
  if (whole_bound > 0) {
    const int d = damerau_levenshtein(q.text, k, whole_bound);
    if (d <= whole_bound)
      best = {k_score_edit - k_score_per_edit * d, Reason::edit, d};
  }
  if (q.tokens.size() == 1 && key_tokens.size() > 1) {
    for (const std::string_view token : key_tokens) {
      const int bound = std::min(q.bound, edit_bound(token.size()));
      if (bound == 0)
        continue;
      const int d = damerau_levenshtein(q.text, token, bound);
      const int score = k_score_token_edit - k_score_per_edit * d;
      if (d <= bound && score > best.score)
        best = {score, Reason::edit, d};
    }
  }
  return best;
}

} // namespace

void lookup_into(std::vector<Match> &out, std::string &scratch,
                 const Dataset &data, std::string_view query, From from) {
  out.clear();
  normalise_into(scratch, query);
  if (scratch.empty())
    return;
  const bool codes = code_shaped(query, scratch);
  const std::string_view q = scratch;
  const auto first = std::lower_bound(
      data.keys.begin(), data.keys.end(), q,
      [](const Key &key, std::string_view text) { return key.key < text; });
  for (auto it = first; it != data.keys.end() && it->key == q; ++it) {
    if (!accepts(from, it->kind) || (is_code(it->kind) && !codes))
      continue;
    // Keys are sorted by entry within one text, so a repeat is adjacent.
    if (!out.empty() && out.back().entry == it->entry)
      continue;
    out.push_back({it->entry, it->kind});
  }
}

std::vector<Match> lookup(const Dataset &data, std::string_view query,
                          From from) {
  std::vector<Match> out;
  std::string scratch;
  lookup_into(out, scratch, data, query, from);
  return out;
}

std::string_view to_string(Reason reason) {
  switch (reason) {
  case Reason::exact:
    return "exact";
  case Reason::alias:
    return "alias";
  case Reason::code:
    return "code";
  case Reason::prefix:
    return "prefix";
  case Reason::token:
    return "token";
  case Reason::edit:
    return "edit";
  }
  return "unknown";
}

std::vector<Candidate> search(const Dataset &data, std::string_view query) {
  const std::string text = normalise(query);
  if (text.empty())
    return {};
  Query q{text, {}, code_shaped(query, text), edit_bound(text.size())};
  split_tokens(text, q.tokens);

  std::vector<Candidate> best(data.entries.size(),
                              Candidate{0, -1, Reason::edit, {}, 0});
  std::vector<std::string_view> key_tokens;
  for (const Key &key : data.keys) {
    if (key.entry >= best.size())
      continue;
    const Scored s = score_key(q, key, key_tokens);
    Candidate &b = best[key.entry];
    if (s.score > b.score)
      b = {key.entry, s.score, s.reason, key.key, s.distance};
  }

  std::vector<Candidate> ranked;
  for (const Candidate &c : best)
    if (c.score >= 0)
      ranked.push_back(c);
  std::sort(ranked.begin(), ranked.end(),
            [](const Candidate &x, const Candidate &y) {
              if (x.score != y.score)
                return x.score > y.score;
              return x.entry < y.entry;
            });
  return ranked;
}

std::optional<Candidate> confident(const std::vector<Candidate> &ranked) {
  if (ranked.empty())
    return std::nullopt;
  const Candidate &top = ranked.front();
  const int second = ranked.size() > 1 ? ranked[1].score : -1;
  if (second == top.score)
    return std::nullopt;
  switch (top.reason) {
  case Reason::exact:
  case Reason::alias:
  case Reason::code:
    return top;
  case Reason::prefix:
  case Reason::token:
  case Reason::edit:
    break;
  }
  if (top.score - second < k_confident_gap)
    return std::nullopt;
  // Whole words, or a partial word covering at least half the key.
  const int half = k_score_coverage / 2;
  const int floor = top.reason == Reason::prefix ? k_score_prefix + half
                    : top.reason == Reason::token
                        ? k_score_token + half
                        : k_score_edit - 2 * k_score_per_edit;
  if (top.score < floor)
    return std::nullopt;
  return top;
}

std::vector<Candidate> suggest(const Dataset &data, std::string_view query,
                               std::size_t limit) {
  std::vector<Candidate> ranked = search(data, query);
  if (ranked.empty())
    return ranked;
  const int top = ranked.front().score;
  std::erase_if(ranked, [&](const Candidate &c) {
    return c.score < k_suggest_floor || c.score < top - k_suggest_spread;
  });
  if (ranked.size() > limit)
    ranked.resize(limit);
  return ranked;
}

const Host *find_host(const Dataset &data, std::string_view query) {
  const std::string q = normalise(query);
  if (q.empty())
    return nullptr;
  const bool codes = code_shaped(query, q);
  std::string key;
  const auto same = [&](std::string_view text) {
    normalise_into(key, text);
    return key == q;
  };
  for (const Host &host : data.hosts) {
    if (same(host.name))
      return &host;
    for (const std::string_view alias : host.aliases)
      if (same(alias))
        return &host;
    if (codes && (same(host.iso2) || same(host.iso3) || same(host.numeric)))
      return &host;
  }
  return nullptr;
}

} // namespace iom::query
