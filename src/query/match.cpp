#include "query/match.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <stdexcept>

#include "query/distance.hpp"
#include "query/filter.hpp"
#include "query/keys.hpp"
#include "query/normalise.hpp"
#include "query/word_index.hpp"

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
    if ((ascii_alnum || b >= 0xC0) && ++characters > 3)
      return false; // no code: no need to count the rest
  }
  // "&" or "." alone has no code in it.
  return characters >= 1 && characters <= 3;
}

void split_tokens(std::string_view text, std::vector<std::string_view> &out) {
  out.clear();
  // A byte loop: tokens are a few bytes long, shorter than a find call.
  std::size_t start = 0;
  for (std::size_t i = 0; i <= text.size(); ++i)
    if (i == text.size() || text[i] == ' ') {
      if (i > start)
        out.push_back(text.substr(start, i - start));
      start = i + 1;
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
bool assign_tokens(std::span<const std::string_view> query, std::size_t next,
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
  std::span<const std::string_view> tokens; // the caller's vector
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
Query prepare_query(std::string_view raw, std::string_view text,
                    std::vector<std::string_view> &tokens) {
  split_tokens(text, tokens);
  Query q{text, tokens, code_shaped(raw, text), 0};
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

// A token match of key `k`; `whole_words`: each query token is a word of it.
Scored token_score(const Query &q, std::string_view k, bool whole_words) {
  return {coverage_score(k_score_token, whole_words && !too_short(q),
                         q.text.size(), k.size()),
          Reason::token, 0};
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
  return token_score(q, k, whole_words);
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

// The best candidate for each place. Between equal scores the earlier
// offer in a fixed order wins, whatever order the keys are visited in: whole
// keys by key id, then words of keys by word and key id. Offers are kept as
// they come and sorted once: a search touches few places, and clearing a
// slot for every place would cost more than the search.
// `Offers` is the Searcher's vector of offers, reused from search to search.
template <class Offers> class BestPerPlace {
public:
  // `slots`, one per place: 1 + the index of the place's offer in `offers`,
  // or 0. All 0 between searches: the destructor clears the ones it set.
  BestPerPlace(const Dataset &data, Offers &offers,
               std::vector<std::uint32_t> &slots)
      : m_keys(data.keys), m_places(place_count(data)), m_offers(offers),
        m_slots(slots) {
    m_offers.clear();
    if (m_slots.size() != m_places)
      m_slots.assign(m_places, 0);
  }
  ~BestPerPlace() {
    for (const auto &offer : m_offers)
      m_slots[offer.candidate.place] = 0;
  }
  BestPerPlace(const BestPerPlace &) = delete;
  BestPerPlace &operator=(const BestPerPlace &) = delete;

  // Each place keeps its best offer: the highest score, then the first in
  // `order`. (Keeping every offer and sorting them all was most of the cost
  // of a search that matched many keys.)
  void offer(std::uint64_t order, KeyId key_id, const Scored &s) {
    if (!s.matched())
      return;
    const Key &key = m_keys[key_id];
    if (key.place >= m_places)
      return;
    std::uint32_t &slot = m_slots[key.place];
    if (slot == 0) {
      m_offers.push_back(
          {order, {key.place, s.score, s.reason, key.key, s.distance}});
      slot = static_cast<std::uint32_t>(m_offers.size());
      return;
    }
    auto &best = m_offers[slot - 1];
    if (s.score > best.candidate.score ||
        (s.score == best.candidate.score && order < best.order))
      best = {order, {key.place, s.score, s.reason, key.key, s.distance}};
  }

  // Score descending, then entry index.
  std::vector<Candidate> ranked() const {
    std::vector<Candidate> ranked;
    ranked.reserve(m_offers.size());
    for (const auto &offer : m_offers)
      ranked.push_back(offer.candidate);
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
  std::size_t m_places;
  Offers &m_offers;
  std::vector<std::uint32_t> &m_slots;
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

// The position of the first key whose text is `q`, or keys.size().
std::size_t first_key_of(const Dataset &data, std::string_view q) {
  const std::span<const std::uint32_t> slots = data.key_slots;
  if (slots.empty()) {
    const auto first = std::lower_bound(
        data.keys.begin(), data.keys.end(), q,
        [](const Key &key, std::string_view text) { return key.key < text; });
    return static_cast<std::size_t>(first - data.keys.begin());
  }
  const std::size_t mask = slots.size() - 1;
  for (std::size_t slot = key_hash(q) & mask; slots[slot] != 0;
       slot = (slot + 1) & mask) {
    const std::size_t key = slots[slot] - 1;
    if (data.keys[key].key == q)
      return key;
  }
  return data.keys.size();
}

void lookup_exact(std::vector<Match> &out, std::string &scratch,
                  const Dataset &data, std::string_view query, From from) {
  normalise_into(scratch, query);
  if (scratch.empty())
    return;
  const std::string_view q = scratch;
  const std::size_t first = first_key_of(data, q);
  // Decided only for a key that is a code: most lookups have none.
  std::optional<bool> codes;
  for (auto it = data.keys.begin() + static_cast<std::ptrdiff_t>(first);
       it != data.keys.end() && it->key == q; ++it) {
    if (!accepts(from, it->kind))
      continue;
    if (is_code(it->kind)) {
      if (!codes)
        codes = code_shaped(query, q);
      if (!*codes)
        continue;
    }
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
  m_words = data.word_index;
  if (m_words.bucket_start.empty() && !data.keys.empty()) {
    auto own = std::make_shared<OwnedWordIndex>(build_word_index(data.keys));
    m_words = own->view();
    m_own_words = std::move(own);
  }
  const auto first_bytes = [](auto texts, std::array<std::uint32_t, 257> &from,
                              auto text_of) {
    std::size_t at = 0;
    for (std::size_t byte = 0; byte < 256; ++byte) {
      from[byte] = static_cast<std::uint32_t>(at);
      while (at < texts.size() &&
             static_cast<unsigned char>(text_of(texts[at]).front()) == byte)
        ++at;
    }
    from[256] = static_cast<std::uint32_t>(texts.size());
  };
  first_bytes(data.keys, m_key_from, [](const Key &k) { return k.key; });
  first_bytes(m_words.words, m_word_from, [](std::string_view w) { return w; });
  m_filters.reserve(data.keys.size());
  std::vector<std::string_view> tokens;
  for (const Key &key : data.keys) {
    split_tokens(key.key, tokens);
    KeyFilter filter;
    filter.letters = letter_mask(key.key);
    filter.first_token = static_cast<std::uint32_t>(m_tokens.size());
    filter.token_count = static_cast<std::uint32_t>(tokens.size());
    for (const std::string_view token : tokens) {
      m_tokens.push_back(token);
      filter.initials |= letter_bit(token.front());
    }
    m_filters.push_back(filter);
  }
}

// One search over a Searcher's keys. Only keys that some step of
// score_whole_key can accept are scored; scoring a key twice is harmless
// (the same score and order again).
class SearchRun {
public:
  SearchRun(const Searcher &searcher, const Query &q)
      : m_searcher(searcher), m_words(searcher.m_words), m_q(q),
        m_best(searcher.m_data, searcher.m_offers, searcher.m_offer_slots) {}

  void score_every_key() {
    for (std::size_t i = 0; i < m_searcher.m_data.keys.size(); ++i)
      score_key(static_cast<KeyId>(i));
    if (m_q.tokens.size() != 1 || m_q.bound == 0)
      return;
    for (std::uint32_t w = 0; w < m_words.words.size(); ++w)
      score_word(w);
  }

  // Code, exact and prefix matches: keys that begin with the query, a range
  // of the sorted keys.
  void score_keys_starting_with_query() {
    const std::span<const Key> keys = m_searcher.m_data.keys;
    const auto byte = static_cast<unsigned char>(m_q.text.front());
    const auto from =
        std::lower_bound(keys.begin() + m_searcher.m_key_from[byte],
                         keys.begin() + m_searcher.m_key_from[byte + 1],
                         m_q.text, [](const Key &key, std::string_view t) {
                           return less_bytes(key.key, t);
                         });
    for (auto it = from;
         it != keys.end() && starts_with_bytes(it->key, m_q.text); ++it)
      score_key(static_cast<KeyId>(it - keys.begin()));
  }

  // Token matches: every query token begins some word of the key, so the
  // key has a word that the rarest query token begins.
  // Any query token would do (each begins a word of every key that
  // matches), so a token with a digit is tried first: the keys' words seldom
  // have one, and a token that begins no word ends the search for a rarer.
  void score_keys_sharing_rarest_token() {
    const std::span<const std::string_view> tokens = m_q.tokens;
    std::size_t first = 0;
    for (std::size_t i = 0; i < tokens.size(); ++i)
      if (has_digit(tokens[i])) {
        first = i;
        break;
      }
    WordRange rarest = starting_with(tokens[first]);
    for (std::size_t i = 0; i < tokens.size() && postings(rarest) != 0; ++i) {
      if (i == first)
        continue;
      const WordRange range = starting_with(tokens[i]);
      if (postings(range) < postings(rarest))
        rarest = range;
    }
    // Only the token step is scored here: a key that scores higher (code,
    // exact, prefix) begins with the query and one that scores by edits
    // has a near word, so the other two passes offer those; and the steps
    // score in order, so a token match is that key's best unless they do.
    if (tokens.size() == 1) {
      offer_token_matches(rarest, tokens.front());
      return;
    }
    for (std::uint32_t p = m_words.posting_start[rarest.first];
         p < m_words.posting_start[rarest.last]; ++p)
      score_key_tokens(m_words.postings[p].key);
  }

  // Edits: a key with as many words as the query, each within its bound of
  // the query's word at the same place, so word `pivot` of the key is among
  // the near words of query token `pivot` (the one with the fewest deletion
  // variants to look up). A one-word query may also be within the bound of
  // one word of a longer key.
  void score_keys_with_near_words() {
    if (m_q.bound == 0)
      return;
    std::size_t pivot = 0;
    for (std::size_t i = 1; i < m_q.tokens.size(); ++i)
      if (variant_count(m_q.tokens[i]) < variant_count(m_q.tokens[pivot]))
        pivot = i;
    std::vector<std::uint32_t> &near = m_searcher.m_near;
    near_words(m_words, m_q.tokens[pivot], near);
    const std::size_t count = m_q.tokens.size();
    for (const std::uint32_t w : near) {
      for (std::uint32_t p = m_words.posting_start[w];
           p < m_words.posting_start[w + 1]; ++p) {
        const WordPosting &posting = m_words.postings[p];
        if (posting.position == pivot && posting.token_count == count)
          score_key(posting.key);
      }
      if (count == 1)
        score_word(w);
    }
  }

  std::vector<Candidate> ranked() { return m_best.ranked(); }

private:
  // 1 + n + n(n-1)/2 for a word of n bytes and two edits; fewer with fewer.
  static std::size_t variant_count(std::string_view token) {
    const std::size_t n = token.size();
    switch (edit_bound(n)) {
    case 0:
      return 1;
    case 1:
      return 1 + n;
    default:
      return 1 + n + n * (n - 1) / 2;
    }
  }

  static bool has_digit(std::string_view token) {
    return std::any_of(token.begin(), token.end(),
                       [](char c) { return c >= '0' && c <= '9'; });
  }

  WordRange starting_with(std::string_view token) const {
    const auto byte = static_cast<unsigned char>(token.front());
    return words_starting_with(
        m_words, token,
        {m_searcher.m_word_from[byte], m_searcher.m_word_from[byte + 1]});
  }

  std::uint32_t postings(WordRange range) const {
    return m_words.posting_start[range.last] -
           m_words.posting_start[range.first];
  }

  std::span<const std::string_view> key_tokens(const KeyFilter &filter) const {
    return std::span<const std::string_view>(m_searcher.m_tokens)
        .subspan(filter.first_token, filter.token_count);
  }

  void score_key(KeyId id) {
    const KeyFilter &filter = m_searcher.m_filters[id];
    m_best.offer(id, id,
                 score_whole_key(m_q, m_searcher.m_data.keys[id], filter,
                                 key_tokens(filter)));
  }

  // The token matches of a one-token query, `token`, which begins a word of
  // each key of the words `range`: on whole words where that word is the
  // token itself (only the first word of the range can be). A key with
  // several such words is offered once for each, and keeps the best.
  void offer_token_matches(WordRange range, std::string_view token) {
    for (std::uint32_t w = range.first; w < range.last; ++w) {
      const bool whole =
          w == range.first && m_words.words[w].size() == token.size();
      for (std::uint32_t p = m_words.posting_start[w];
           p < m_words.posting_start[w + 1]; ++p) {
        const KeyId id = m_words.postings[p].key;
        m_best.offer(id, id,
                     token_score(m_q, m_searcher.m_data.keys[id].key, whole));
      }
    }
  }

  // score_key's token step alone, for a key that is no code.
  void score_key_tokens(KeyId id) {
    const KeyFilter &filter = m_searcher.m_filters[id];
    m_best.offer(id, id,
                 score_tokens(m_q, m_searcher.m_data.keys[id].key, filter,
                              key_tokens(filter)));
  }

  // A one-word query against one word of the multi-word keys it occurs in,
  // unless that word names nothing (is_function_word).
  void score_word(std::uint32_t w) {
    const std::uint32_t ordinal = m_words.ordinals[w];
    if (ordinal == k_no_ordinal)
      return; // in one-word keys only, which score_key scores
    const std::string_view word = m_words.words[w];
    if (is_function_word(word))
      return;
    const int bound = std::min(m_q.bound, edit_bound(word.size()));
    if (bound == 0 || too_far(m_q.letters, letter_mask(word), bound))
      return;
    const int d = word_edits(m_q.text, word);
    if (d < 0)
      return;
    const std::uint64_t words_after_keys =
        (std::uint64_t{1} << 63) | std::uint64_t{ordinal} << 32;
    const Scored s{k_score_token_edit - k_score_per_edit * d, Reason::edit, d};
    for (std::uint32_t p = m_words.posting_start[w];
         p < m_words.posting_start[w + 1]; ++p) {
      const WordPosting &posting = m_words.postings[p];
      if (posting.token_count >= 2)
        m_best.offer(words_after_keys | posting.key, posting.key, s);
    }
  }

  const Searcher &m_searcher;
  const WordIndex &m_words;
  const Query &m_q;
  BestPerPlace<std::vector<Searcher::Offer>> m_best;
};

bool Searcher::names_city(std::string_view normalised) const {
  if (!m_has_cities) {
    for (const Entry &entry : m_data.entries)
      for (std::string &key : city_keys(entry))
        m_cities.push_back(std::move(key));
    std::sort(m_cities.begin(), m_cities.end());
    m_cities.erase(std::unique(m_cities.begin(), m_cities.end()),
                   m_cities.end());
    m_has_cities = true;
  }
  return std::binary_search(m_cities.begin(), m_cities.end(), normalised);
}

std::vector<Candidate> Searcher::search(std::string_view query,
                                        Scan scan) const {
  if (scan == Scan::candidates && m_has_last && query == m_last_query)
    return m_last_ranked;
  normalise_into(m_text, query);
  return search_normalised(query, m_text, scan);
}

std::vector<Candidate> Searcher::search_normalised(std::string_view query,
                                                   std::string_view text,
                                                   Scan scan) const {
  if (scan == Scan::candidates && m_has_last && query == m_last_query)
    return m_last_ranked;
  std::vector<Candidate> ranked;
  if (!text.empty()) {
    const Query q = prepare_query(query, text, m_query_tokens);
    SearchRun run(*this, q);
    if (scan == Scan::every_key) {
      run.score_every_key();
    } else {
      run.score_keys_starting_with_query();
      run.score_keys_sharing_rarest_token();
      run.score_keys_with_near_words();
    }
    ranked = run.ranked();
  }
  if (scan == Scan::candidates) {
    m_last_query.assign(query);
    m_last_ranked = ranked;
    m_has_last = true;
  }
  return ranked;
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
