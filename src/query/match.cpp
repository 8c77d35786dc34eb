#include "query/match.hpp"

#include <algorithm>
#include <cstdint>
#include <span>
#include <stdexcept>
#include <tuple>
#include <unordered_map>

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
  // "&" or "." alone has no code in it.
  return characters >= 1 && characters <= 3;
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

// One bit per ASCII letter; digits share a bit and every other byte shares
// another. Shared bits only make the filters below reject less, never wrongly.
std::uint32_t letter_bit(char c) {
  const auto b = static_cast<unsigned char>(c);
  if (b >= 'a' && b <= 'z')
    return std::uint32_t{1} << (b - 'a');
  if (b >= '0' && b <= '9')
    return std::uint32_t{1} << 26;
  return std::uint32_t{1} << 27;
}

std::uint32_t letter_mask(std::string_view text) {
  std::uint32_t mask = 0;
  for (const char c : text)
    if (c != ' ')
      mask |= letter_bit(c);
  return mask;
}

// Assigns each query token to a distinct key token that it equals or begins,
// backtracking when an early choice blocks a later token. Token counts are
// tiny (a name has a dozen words at most).
// With `whole`, a query token must equal its key token.
bool assign_tokens(const std::vector<std::string_view> &query, std::size_t next,
                   std::span<const std::string_view> key, std::uint64_t used,
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

  bool matched() const { return score >= 0; }
};

// The query, prepared once per search.
struct Query {
  std::string_view text;
  std::vector<std::string_view> tokens;
  bool codes;
  int bound;
  std::uint32_t letters = 0;  // letter_mask(text)
  std::uint32_t initials = 0; // letter_bit of each token's first byte
  // The lengths that a key or word within the edit bound can have.
  std::size_t shortest = 0;
  std::size_t longest = 0;
};

// Each word may have its own edits (see edit_bound); the query's bound is
// their sum, which the filters below use.
Query prepare_query(std::string_view raw, std::string_view text) {
  Query q{text, {}, code_shaped(raw, text), 0};
  split_tokens(text, q.tokens);
  for (const std::string_view token : q.tokens)
    q.bound += edit_bound(token.size());
  q.letters = letter_mask(text);
  for (const std::string_view token : q.tokens)
    q.initials |= letter_bit(token.front());
  const auto reach = static_cast<std::size_t>(q.bound);
  q.shortest = text.size() - std::min(text.size(), reach);
  q.longest = text.size() + reach;
  return q;
}

int coverage_score(int base, bool whole_words, std::size_t part,
                   std::size_t whole) {
  return base + (whole_words ? k_score_whole_words : 0) +
         static_cast<int>(static_cast<std::size_t>(k_score_coverage) * part /
                          whole);
}

// Lengths further apart than `bound` need more than `bound` edits.
bool length_within(std::string_view a, std::string_view b, int bound) {
  const std::size_t gap =
      a.size() > b.size() ? a.size() - b.size() : b.size() - a.size();
  return gap <= static_cast<std::size_t>(bound);
}

// Whether more than `bound` bits are set.
bool more_bits_than(std::uint32_t bits, int bound) {
  // Clearing bound + 1 low bits: cheaper than popcount without -mpopcnt.
  for (int i = 0; i < bound && bits != 0; ++i)
    bits &= bits - 1;
  return bits != 0;
}

// Whether two texts with these letter masks are already more than `bound`
// edits apart. An edit brings in at most one character and takes out at most
// one, so each letter of one text that the other lacks costs an edit of its
// own: the letters only `a` has are a lower bound, and so are those only `b`
// has.
bool too_far(std::uint32_t a, std::uint32_t b, int bound) {
  return more_bits_than(a & ~b, bound) || more_bits_than(b & ~a, bound);
}

Scored score_code(const Query &q, std::string_view k) {
  if (q.codes && k == q.text)
    return {k_score_code, Reason::code, 0};
  return {};
}

Scored score_exact(const Query &q, const Key &key) {
  if (key.key != q.text)
    return {};
  if (key.kind == KeyKind::alias)
    return {k_score_alias, Reason::alias, 0};
  return {k_score_exact, Reason::exact, 0};
}

// A query of 1-2 bytes gets no edits (edit_bound), and for the same reason
// no whole-words bonus: "dc", a word of "washington dc", is no name of it
// that a guess may take.
bool too_short(const Query &q) { return q.text.size() <= 2; }

Scored score_prefix(const Query &q, std::string_view k) {
  // The first byte first: most keys fail there, before a memcmp call.
  if (k.size() <= q.text.size() || k.front() != q.text.front() ||
      !k.starts_with(q.text))
    return {};
  const bool whole_words = k[q.text.size()] == ' ' && !too_short(q);
  return {coverage_score(k_score_prefix, whole_words, q.text.size(), k.size()),
          Reason::prefix, 0};
}

Scored score_tokens(const Query &q, std::string_view k, const KeyFilter &filter,
                    std::span<const std::string_view> key_tokens) {
  // Every query token must start some key token: their first letters must
  // all be among the key's initials.
  if (q.tokens.size() > key_tokens.size() ||
      (q.initials & ~filter.initials) != 0)
    return {};
  const bool whole_words = assign_tokens(q.tokens, 0, key_tokens, 0, true);
  if (!whole_words && !assign_tokens(q.tokens, 0, key_tokens, 0, false))
    return {};
  return {coverage_score(k_score_token, whole_words && !too_short(q),
                         q.text.size(), k.size()),
          Reason::token, 0};
}

// The edits of one word against another, or -1 when they are more than
// either word's own bound allows.
int word_edits(std::string_view q, std::string_view k) {
  const int bound = std::min(edit_bound(q.size()), edit_bound(k.size()));
  if (!length_within(k, q, bound))
    return -1;
  const int d = damerau_levenshtein(q, k, bound);
  return d > bound ? -1 : d;
}

// Word by word: the key has as many words as the query, and each word is
// within its own bound. Replacing a whole word is no typo, so "north korea"
// never reaches "south korea" although the two keys are 2 edits apart.
Scored score_whole_key_edits(const Query &q, std::string_view k,
                             const KeyFilter &filter,
                             std::span<const std::string_view> key_tokens) {
  if (q.bound == 0 || key_tokens.size() != q.tokens.size() ||
      !length_within(k, q.text, q.bound) ||
      too_far(q.letters, filter.letters, q.bound))
    return {};
  int d = 0;
  for (std::size_t i = 0; i < key_tokens.size(); ++i) {
    const int edits = word_edits(q.tokens[i], key_tokens[i]);
    if (edits < 0)
      return {};
    d += edits;
  }
  if (d == 0)
    return {}; // the same words: an exact match, scored as one elsewhere
  return {k_score_edit - k_score_per_edit * d, Reason::edit, d};
}

// The first step that matches, in the order of the score table in
// match.hpp; all but the edit distance to single words of the key, which
// SearchRun does once per distinct word instead of once per key.
Scored score_whole_key(const Query &q, const Key &key, const KeyFilter &filter,
                       std::span<const std::string_view> key_tokens) {
  if (is_code(key.kind))
    return score_code(q, key.key);
  Scored s = score_exact(q, key);
  if (!s.matched())
    s = score_prefix(q, key.key);
  if (!s.matched())
    s = score_tokens(q, key.key, filter, key_tokens);
  if (!s.matched())
    s = score_whole_key_edits(q, key.key, filter, key_tokens);
  return s;
}

// The best candidate so far for each place. Between equal scores the earlier
// offer in a fixed order wins, whatever order the keys are visited in: whole
// keys by key id, then words of keys by word and key id.
class BestPerPlace {
public:
  explicit BestPerPlace(const Dataset &data)
      : m_keys(data.keys),
        m_best(place_count(data), Candidate{0, -1, Reason::edit, {}, 0}),
        m_order(place_count(data)) {}

  void offer(std::uint64_t order, KeyId key_id, const Scored &s) {
    const Key &key = m_keys[key_id];
    if (key.place >= m_best.size())
      return;
    Candidate &best = m_best[key.place];
    std::uint64_t &best_order = m_order[key.place];
    if (s.score > best.score || (s.score == best.score && order < best_order)) {
      best = {key.place, s.score, s.reason, key.key, s.distance};
      best_order = order;
    }
  }

  // Score descending, then entry index.
  std::vector<Candidate> ranked() const {
    std::vector<Candidate> ranked;
    for (const Candidate &c : m_best)
      if (c.score >= 0)
        ranked.push_back(c);
    std::sort(ranked.begin(), ranked.end(),
              [](const Candidate &x, const Candidate &y) {
                if (x.score != y.score)
                  return x.score > y.score;
                return x.place < y.place;
              });
    return ranked;
  }

private:
  std::span<const Key> m_keys;
  std::vector<Candidate> m_best; // by place
  std::vector<std::uint64_t> m_order;
};

// Every entry has a non-empty id, so a dataset with entries and no keys was
// loaded without attach_keys: a lookup would find nothing, silently.
void require_keys(const Dataset &data) {
  if (data.keys.empty() && !data.entries.empty())
    throw std::logic_error("iom: lookup on a dataset without its keys "
                           "(call query::attach_keys first)");
}

} // namespace

namespace {

void lookup_exact(std::vector<Match> &out, std::string &scratch,
                  const Dataset &data, std::string_view query, From from) {
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
    // Keys are sorted by place within one text, so a repeat is adjacent.
    if (!out.empty() && out.back().place == it->place)
      continue;
    out.push_back({it->place, it->kind});
  }
}

} // namespace

void lookup_into(std::vector<Match> &out, std::string &scratch,
                 const Dataset &data, std::string_view query, From from) {
  require_keys(data);
  out.clear();
  lookup_exact(out, scratch, data, query, from);
  // "Gambia, The" reads as "The Gambia", but only when the text as typed is
  // no key: "Congo, Dem. Rep." is one.
  if (out.empty() && query.find(',') != std::string_view::npos)
    if (const std::optional<std::string> natural = natural_order(query))
      lookup_exact(out, scratch, data, *natural, from);
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

Searcher::Searcher(const Dataset &data) : m_data(data) {
  require_keys(data);
  m_filters.reserve(data.keys.size());
  std::vector<std::string_view> tokens;
  // A word's position in m_words, until m_words is sorted.
  std::unordered_map<std::string_view, std::uint32_t> word_of;
  for (std::size_t i = 0; i < data.keys.size(); ++i) {
    const auto id = static_cast<KeyId>(i);
    split_tokens(data.keys[id].key, tokens);
    add_key(id, tokens);
    if (tokens.size() >= 2 && !is_code(data.keys[id].kind))
      add_words(id, tokens, word_of);
  }
  std::sort(m_token_refs.begin(), m_token_refs.end(),
            [](const TokenRef &a, const TokenRef &b) {
              return std::tie(a.token, a.key) < std::tie(b.token, b.key);
            });
  std::stable_sort(m_word_keys.begin(), m_word_keys.end(),
                   [&](KeyId a, KeyId b) {
                     return data.keys[a].key.size() < data.keys[b].key.size();
                   });
  std::stable_sort(m_words.begin(), m_words.end(),
                   [](const Word &a, const Word &b) {
                     return a.text.size() < b.text.size();
                   });
}

// The key's filter and tokens, and for a non-code key its token refs and
// its place among the keys by length.
void Searcher::add_key(KeyId id, std::span<const std::string_view> tokens) {
  const Key &key = m_data.keys[id];
  const bool code = is_code(key.kind);
  if (!code)
    m_word_keys.push_back(id);
  KeyFilter filter;
  filter.letters = letter_mask(key.key);
  filter.first_token = static_cast<std::uint32_t>(m_tokens.size());
  filter.token_count = static_cast<std::uint32_t>(tokens.size());
  for (const std::string_view token : tokens) {
    m_tokens.push_back(token);
    filter.initials |= letter_bit(token.front());
    if (!code)
      m_token_refs.push_back({token, id});
  }
  m_filters.push_back(filter);
}

// Words of multi-word keys, once each, with the keys they occur in.
void Searcher::add_words(
    KeyId id, std::span<const std::string_view> tokens,
    std::unordered_map<std::string_view, std::uint32_t> &word_of) {
  for (const std::string_view token : tokens) {
    auto [at, added] =
        word_of.try_emplace(token, static_cast<std::uint32_t>(m_words.size()));
    if (added)
      m_words.push_back({token, letter_mask(token), at->second, {}});
    std::vector<KeyId> &keys = m_words[at->second].keys;
    if (keys.empty() || keys.back() != id)
      keys.push_back(id);
  }
}

// One search over a Searcher's keys. Only keys that some step of
// score_whole_key can accept are scored; scoring a key twice is harmless
// (the same score and order again).
class SearchRun {
public:
  SearchRun(const Searcher &searcher, const Query &q)
      : m_searcher(searcher), m_q(q), m_best(searcher.m_data) {}

  void score_every_key() {
    for (std::size_t i = 0; i < m_searcher.m_data.keys.size(); ++i)
      score_key(static_cast<KeyId>(i));
  }

  // Code, exact and prefix matches: keys that begin with the query, a range
  // of the sorted keys.
  void score_keys_starting_with_query() {
    const std::span<const Key> keys = m_searcher.m_data.keys;
    const auto from = std::lower_bound(
        keys.begin(), keys.end(), m_q.text,
        [](const Key &key, std::string_view t) { return key.key < t; });
    for (auto it = from; it != keys.end() && it->key.starts_with(m_q.text);
         ++it)
      score_key(static_cast<KeyId>(it - keys.begin()));
  }

  // Token matches: every query token begins some token of the key, so the
  // key has a token that the rarest query token begins.
  void score_keys_sharing_rarest_token() {
    std::span<const Searcher::TokenRef> rarest =
        tokens_starting_with(m_q.tokens.front());
    for (std::size_t i = 1; i < m_q.tokens.size() && !rarest.empty(); ++i) {
      const auto refs = tokens_starting_with(m_q.tokens[i]);
      if (refs.size() < rarest.size())
        rarest = refs;
    }
    for (const Searcher::TokenRef &ref : rarest)
      score_key(ref.key);
  }

  // Edits of the whole key: its length within the bound of the query's, and
  // not missing more distinct letters than the bound allows. q.bound is at
  // least each key's own bound, so these filters reject no match.
  void score_keys_of_similar_length() {
    if (m_q.bound == 0)
      return;
    const auto length = [&](KeyId id) {
      return m_searcher.m_data.keys[id].key.size();
    };
    auto it = std::lower_bound(
        m_searcher.m_word_keys.begin(), m_searcher.m_word_keys.end(),
        m_q.shortest,
        [&](KeyId id, std::size_t shortest) { return length(id) < shortest; });
    for (; it != m_searcher.m_word_keys.end() && length(*it) <= m_q.longest;
         ++it)
      if (!too_far(m_q.letters, m_searcher.m_filters[*it].letters, m_q.bound))
        score_key(*it);
  }

  // A one-word query within the edit bound of one word of a longer key.
  void score_words_near_query(Searcher::Scan scan) {
    if (m_q.tokens.size() != 1 || m_q.bound == 0)
      return;
    const bool every_word = scan == Searcher::Scan::every_key;
    const auto &words = m_searcher.m_words; // sorted by length
    auto it = every_word
                  ? words.begin()
                  : std::lower_bound(
                        words.begin(), words.end(), m_q.shortest,
                        [](const Searcher::Word &word, std::size_t shortest) {
                          return word.text.size() < shortest;
                        });
    for (; it != words.end(); ++it) {
      if (!every_word && it->text.size() > m_q.longest)
        break;
      score_word(*it);
    }
  }

  std::vector<Candidate> ranked() const { return m_best.ranked(); }

private:
  void score_key(KeyId id) {
    const KeyFilter &filter = m_searcher.m_filters[id];
    const auto tokens = std::span<const std::string_view>(m_searcher.m_tokens)
                            .subspan(filter.first_token, filter.token_count);
    m_best.offer(
        id, id,
        score_whole_key(m_q, m_searcher.m_data.keys[id], filter, tokens));
  }

  void score_word(const Searcher::Word &word) {
    const int bound = std::min(m_q.bound, edit_bound(word.text.size()));
    if (bound == 0 || too_far(m_q.letters, word.letters, bound))
      return;
    const int d = word_edits(m_q.text, word.text);
    if (d < 0)
      return;
    const std::uint64_t words_after_keys =
        (std::uint64_t{1} << 63) | std::uint64_t{word.ordinal} << 32;
    const Scored s{k_score_token_edit - k_score_per_edit * d, Reason::edit, d};
    for (const KeyId id : word.keys)
      m_best.offer(words_after_keys | id, id, s);
  }

  std::span<const Searcher::TokenRef>
  tokens_starting_with(std::string_view token) const {
    const auto &refs = m_searcher.m_token_refs;
    const auto from =
        std::lower_bound(refs.begin(), refs.end(), token,
                         [](const Searcher::TokenRef &ref, std::string_view t) {
                           return ref.token < t;
                         });
    auto to = from;
    while (to != refs.end() && to->token.starts_with(token))
      ++to;
    return {from, to};
  }

  const Searcher &m_searcher;
  const Query &m_q;
  BestPerPlace m_best;
};

std::vector<Candidate> Searcher::search(std::string_view query,
                                        Scan scan) const {
  const std::string text = normalise(query);
  if (text.empty())
    return {};
  const Query q = prepare_query(query, text);
  SearchRun run(*this, q);
  if (scan == Scan::every_key) {
    run.score_every_key();
  } else {
    run.score_keys_starting_with_query();
    run.score_keys_sharing_rarest_token();
    run.score_keys_of_similar_length();
  }
  run.score_words_near_query(scan);
  return run.ranked();
}

std::vector<Candidate> search(const Dataset &data, std::string_view query) {
  return Searcher(data).search(query);
}

namespace {

// Whether a candidate could be a guess on its own: an exact, alias or code
// match; a prefix or token match on whole words or covering at least half
// the key; an edit of the whole key by at most 2 edits.
bool substantial(const Candidate &c) {
  const int half = k_score_coverage / 2;
  switch (c.reason) {
  case Reason::exact:
  case Reason::alias:
  case Reason::code:
    return true;
  case Reason::prefix:
    return c.score >= k_score_prefix + half;
  case Reason::token:
    return c.score >= k_score_token + half;
  case Reason::edit:
    return c.score >= k_score_edit - 2 * k_score_per_edit;
  }
  return false;
}

} // namespace

std::optional<Candidate> confident(const std::vector<Candidate> &ranked) {
  if (ranked.empty())
    return std::nullopt;
  const Candidate &top = ranked.front();
  const int second = ranked.size() > 1 ? ranked[1].score : -1;
  if (second == top.score)
    return std::nullopt;
  if (is_exact(top.reason))
    return top;
  // A guess: the only candidate that could be one, and clearly ahead of
  // every other.
  if (!substantial(top) || top.score - second < k_confident_gap)
    return std::nullopt;
  for (std::size_t i = 1; i < ranked.size(); ++i)
    if (substantial(ranked[i]))
      return std::nullopt;
  return top;
}

std::vector<Candidate> suggest(const Searcher &searcher, std::string_view query,
                               std::size_t limit) {
  std::vector<Candidate> ranked = searcher.search(query);
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

std::vector<Candidate> suggest(const Dataset &data, std::string_view query,
                               std::size_t limit) {
  return suggest(Searcher(data), query, limit);
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
