#pragma once

// Matching a query against the dataset's keys: exact lookup for `show`,
// `convert` and filter values; ranked, typo-tolerant search for `search`,
// `convert --fuzzy` and "did you mean". Nothing here guesses silently: lookup
// is exact, and a fuzzy answer comes only from `confident`, whose caller says
// so on stderr.
//
// Codes (iso2, iso3, numeric) match only exactly, and only a code-shaped
// query: one whose normalised form is all digits, or whose raw text has at
// most 3 letters and digits. So "ST" finds Sao Tome and Principe by its code
// (it normalises to "saint", like the key), but "saint" does not.

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model.hpp"

namespace iom::query {

struct Match {
  PlaceIndex place;
  KeyKind kind;
};

// Which keys a lookup may use; `name` covers name, short_name and id.
enum class From : std::uint8_t { any, name, iso2, iso3, numeric, alias };

// Exact match after normalisation, by binary search over data.keys (which
// must be sorted by key, then place). `out` gets each matching place once,
// in place order; `scratch` holds the normalised query. Neither allocates
// once they have the capacity. A query that matches nothing as typed and
// is comma-inverted ("Gambia, The") is looked up in its natural order.
void lookup_into(std::vector<Match> &out, std::string &scratch,
                 const Dataset &data, std::string_view query,
                 From from = From::any);
std::vector<Match> lookup(const Dataset &data, std::string_view query,
                          From from = From::any);

enum class Reason : std::uint8_t { exact, alias, code, prefix, token, edit };

std::string_view to_string(Reason reason);

// An exact, alias or code match: what lookup finds too, never a guess.
constexpr bool is_exact(Reason reason) {
  return reason == Reason::exact || reason == Reason::alias ||
         reason == Reason::code;
}

// One place's best key for a query. `key` views data.keys, so it lives as
// long as the dataset. `distance` is the edit distance for Reason::edit, else
// 0.
struct Candidate {
  PlaceIndex place;
  int score;
  Reason reason;
  std::string_view key;
  int distance;
};

// Scores, with q the normalised query and k the key (lengths in bytes):
//
//   reason  when                                             score
//   code    code-shaped q equals an iso2, iso3 or numeric key   1000
//   exact   q equals a name, short_name or id key                900
//   alias   q equals an alias key                                850
//   prefix  q is a proper prefix of k              600 + W + 99*|q|/|k|
//   token   each q token equals or begins a
//           distinct token of k                    400 + W + 99*|q|/|k|
//   edit    each word of k within its bound, d edits in all  300 - 50*d
//   edit    one word of k within its bound (one-word q;
//           not an article, preposition or conjunction)    200 - 50*d
//
// W is 100 when q ends on whole words of k ("bosnia" in "bosnia and
// herzegovina"), else 0 ("nige" in "nigeria"; and for any q of 1-2 bytes,
// which is never a guess), so prefixes score 600-799 and tokens 400-599; the
// coverage term breaks ties towards the shorter key.
//
// Codes match only as above, never by prefix or edit. Prefixes and tokens
// match only at word starts, never inside a word ("peru" does not reach
// "superuga"). Edits are counted word by word, a key with as many words as
// the query: each word's bound is the smaller of edit_bound (Lucene's AUTO)
// of the query word and of the key word, so words of 1-2 bytes never absorb
// a typo and replacing a real word ("north" for "south") is refused.
inline constexpr int k_score_code = 1000;
inline constexpr int k_score_exact = 900;
inline constexpr int k_score_alias = 850;
inline constexpr int k_score_prefix = 600;
inline constexpr int k_score_token = 400;
inline constexpr int k_score_edit = 300;
inline constexpr int k_score_token_edit = 200;
inline constexpr int k_score_per_edit = 50;
inline constexpr int k_score_whole_words = 100;
inline constexpr int k_score_coverage = 99;

// A key's position in Dataset::keys. Not an EntryIndex (a position in
// Dataset::entries): one entry has many keys.
using KeyId = std::uint32_t;

// Per-key facts that let a search reject most keys cheaply (see match.cpp).
struct KeyFilter {
  std::uint32_t letters = 0;  // which letters the key has
  std::uint32_t initials = 0; // which letters its words start with
  std::uint32_t first_token = 0;
  std::uint32_t token_count = 0;
};

class SearchRun;

// Ranked search over one dataset, with the keys' words and letter masks
// prepared once: `convert` searches for every unmatched line, so preparing
// per search would dominate.
class Searcher {
public:
  explicit Searcher(const Dataset &data);

  // Which keys a search scores: the candidates that its lookup tables say
  // may match, or every key (slow; the definition that tests hold the
  // candidates to).
  enum class Scan : std::uint8_t { candidates, every_key };

  // Every entry with any match, best first: score descending, then entry
  // index. One candidate per entry, for its best-scoring key.
  std::vector<Candidate> search(std::string_view query,
                                Scan scan = Scan::candidates) const;

  // Whether a normalised query names a city of some entry (query::in_city
  // over every entry, from a table built once: convert asks it for each
  // miss it tells).
  bool names_city(std::string_view normalised) const;
  // search(query), for a caller that has normalise(query) at hand already
  // (convert, from its lookup): `normalised` must be exactly that.
  std::vector<Candidate> search_normalised(std::string_view query,
                                           std::string_view normalised,
                                           Scan scan = Scan::candidates) const;

private:
  // One search: the query and the best candidate so far for each entry.
  friend class SearchRun;

  const Dataset &m_data;
  std::vector<KeyFilter> m_filters; // parallel to m_data.keys
  std::vector<std::string_view> m_tokens;
  // Where a key can come from, so that a search scores only keys that may
  // match instead of every key (convert searches once per unmatched line):
  // the dataset's word index (query/word_index.hpp), or one built here for
  // a dataset that has its keys but not the index.
  WordIndex m_words;
  std::shared_ptr<const void> m_own_words;
  // Where the keys and the words with each first byte begin, so that a
  // binary search starts from the few that share the query's first byte.
  std::array<std::uint32_t, 257> m_key_from{};
  std::array<std::uint32_t, 257> m_word_from{};
  // The last search (candidates only) and its result: convert --fuzzy
  // searches a miss for a guess and then again for its did-you-mean. A
  // Searcher serves one thread.
  mutable std::string m_last_query;
  mutable std::vector<Candidate> m_last_ranked;
  mutable bool m_has_last = false;
  // What one search writes as it goes, kept so that the next search
  // allocates nothing: the normalised query, its tokens, the near words of
  // a token and the offers of places.
  struct Offer {
    std::uint64_t order;
    Candidate candidate;
  };
  mutable std::string m_text;
  mutable std::vector<std::string_view> m_query_tokens;
  mutable std::vector<std::uint32_t> m_near;
  mutable std::vector<Offer> m_offers; // one per place offered
  // Per place, where its offer is in m_offers (see BestPerPlace).
  mutable std::vector<std::uint32_t> m_offer_slots;
  // query::city_keys of every entry, sorted: built on the first names_city,
  // so that a Searcher built for one search does not pay for it.
  mutable std::vector<std::string> m_cities;
  mutable bool m_has_cities = false;
};

// Searcher(data).search(query), for a one-off search.
std::vector<Candidate> search(const Dataset &data, std::string_view query);

// The top candidate when it is the answer, else nullopt. `ranked` must come
// from a search over every place, directory or not, so that a guess can
// never land on a directory entry when the query names another country.
//   - no other candidate has the same score;
//   - an exact, alias or code match needs nothing more;
//   - a prefix, token or edit match is a guess. It needs substance: a prefix
//     or token match must be on whole words or cover at least half the key
//     (score >= 649 or >= 449), an edit match must be on the whole key with
//     at most 2 edits (score >= 200). No other candidate may have that
//     substance (then two countries are candidates), and the guess must
//     lead every other candidate by k_confident_gap.
inline constexpr int k_confident_gap = 100;
std::optional<Candidate> confident(const std::vector<Candidate> &ranked);

// "Did you mean" candidates: search results scoring at least
// k_suggest_floor and within k_suggest_spread of the best, at most `limit`.
inline constexpr int k_suggest_floor = 100;
inline constexpr int k_suggest_spread = 300;
std::vector<Candidate> suggest(const Dataset &data, std::string_view query,
                               std::size_t limit = 5);
std::vector<Candidate> suggest(const Searcher &searcher, std::string_view query,
                               std::size_t limit = 5);

// The host (a country with offices but no entry of its own) whose name,
// alias or code matches the query exactly after normalisation; codes only
// for a code-shaped query. nullptr when none.
const Host *find_host(const Dataset &data, std::string_view query);

} // namespace iom::query
