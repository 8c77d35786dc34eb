#pragma once

// The candidate index of approximate matching (issue 17): which words of the
// keys may be within the edit bound of a query word, without a scan over the
// words. A symmetric-deletion index, as in SymSpell: every word is stored
// under each variant that deleting up to edit_bound(its length) bytes gives
// it, and a query word looks up each of its own such variants. Two words
// within d edits (optimal string alignment: insertion, deletion,
// substitution, adjacent transposition) always share a variant with at most
// d deletions on each side, so no word within the bound is missed; a
// variant is found by its fingerprint, so a collision only adds a word that
// the caller's edit distance then rejects. BENCHMARKS.md has the figures
// that chose it over a BK-tree and the scan over words of similar length.

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "model.hpp"

namespace iom::query {

// A WordIndex and the storage its spans view. Its words view the keys'
// text, so it lives no longer than the keys it was built from.
struct OwnedWordIndex {
  std::vector<std::string_view> words;
  std::vector<std::uint32_t> ordinals;
  std::vector<std::uint32_t> posting_start;
  std::vector<WordPosting> postings;
  std::vector<std::uint32_t> bucket_start;
  std::vector<WordVariant> variants;

  WordIndex view() const;
};

// The index of the words of keys (sorted as Dataset::keys are) whose kind is
// no code. A word's ordinal is the order of its first appearance among the
// words of the multi-word keys (keys in order, words left to right), the
// order in which search breaks a tie between two of them; a word of
// one-word keys only has k_no_ordinal.
inline constexpr std::uint32_t k_no_ordinal = 0xFFFFFFFF;
OwnedWordIndex build_word_index(std::span<const Key> keys);

// The fingerprint of a text's variant, as the index stores it.
std::uint32_t variant_fingerprint(std::string_view text);

// The words (their positions in index.words) that may be within
// edit_bound(token.size()) edits of `token`, each once, in ascending order;
// a few may be further away. `out` is cleared first.
void near_words(const WordIndex &index, std::string_view token,
                std::vector<std::uint32_t> &out);

// a < b as std::string_view compares them (bytes as unsigned char), and
// whether `text` begins with `prefix`: loops that a binary search over short
// words and keys runs faster than memcmp calls.
inline bool less_bytes(std::string_view a, std::string_view b) {
  const std::size_t n = a.size() < b.size() ? a.size() : b.size();
  for (std::size_t i = 0; i < n; ++i)
    if (a[i] != b[i])
      return static_cast<unsigned char>(a[i]) <
             static_cast<unsigned char>(b[i]);
  return a.size() < b.size();
}

inline bool starts_with_bytes(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size())
    return false;
  for (std::size_t i = 0; i < prefix.size(); ++i)
    if (text[i] != prefix[i])
      return false;
  return true;
}

// The positions in index.words of the words that begin with `prefix`.
struct WordRange {
  std::uint32_t first;
  std::uint32_t last; // one past
};
// `within`, when given, holds every such word (a range of words that share
// the prefix's first byte, say).
WordRange words_starting_with(const WordIndex &index, std::string_view prefix,
                              WordRange within);
WordRange words_starting_with(const WordIndex &index, std::string_view prefix);

} // namespace iom::query
