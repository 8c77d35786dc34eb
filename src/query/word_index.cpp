#include "query/word_index.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <limits>
#include <stdexcept>
#include <tuple>
#include <unordered_map>

#include "query/distance.hpp"

namespace iom::query {

namespace {

// Variants are hashed as polynomials in k_base (mod 2^64), so that a query
// can hash each of its deletion variants from prefix hashes in a few
// instructions instead of copying and hashing every variant. A variant's
// fingerprint is that of its text (test_query_word_index.cpp checks it).
constexpr std::uint64_t k_base = 0x100000001B3;

std::uint32_t finish(std::uint64_t h) {
  h ^= h >> 29;
  h *= 0xBF58476D1CE4E5B9;
  return static_cast<std::uint32_t>(h >> 32);
}

std::uint64_t polynomial(std::string_view text) {
  std::uint64_t h = 0;
  for (const char c : text)
    h = h * k_base + static_cast<unsigned char>(c);
  return h;
}

bool is_code(KeyKind kind) {
  return kind == KeyKind::iso2 || kind == KeyKind::iso3 ||
         kind == KeyKind::numeric;
}

// Calls emit(fingerprint) for each deletion variant of `token` (up to its
// edit bound), from its prefix hashes; a variant may come more than once.
template <typename Emit>
void each_variant(std::string_view token, std::span<std::uint64_t> prefix,
                  std::span<std::uint64_t> power, Emit emit) {
  const std::size_t n = token.size();
  prefix[0] = 0;
  power[0] = 1;
  for (std::size_t i = 0; i < n; ++i) {
    prefix[i + 1] = prefix[i] * k_base + static_cast<unsigned char>(token[i]);
    power[i + 1] = power[i] * k_base;
  }
  const int bound = edit_bound(n);
  emit(finish(prefix[n]));
  if (bound < 1)
    return;
  // Without byte j: what precedes it, shifted over what follows it.
  for (std::size_t j = 0; j < n; ++j) {
    const std::uint64_t tail = prefix[n] - prefix[j + 1] * power[n - 1 - j];
    emit(finish(prefix[j] * power[n - 1 - j] + tail));
  }
  if (bound < 2)
    return;
  // Without bytes j < k: head, middle and tail.
  for (std::size_t j = 0; j + 1 < n; ++j)
    for (std::size_t k = j + 1; k < n; ++k) {
      const std::uint64_t middle = prefix[k] - prefix[j + 1] * power[k - j - 1];
      const std::uint64_t tail = prefix[n] - prefix[k + 1] * power[n - 1 - k];
      emit(finish(prefix[j] * power[n - 2 - j] + middle * power[n - 1 - k] +
                  tail));
    }
}

} // namespace

WordIndex OwnedWordIndex::view() const {
  return {words, ordinals, posting_start, postings, bucket_start, variants};
}

std::uint32_t variant_fingerprint(std::string_view text) {
  return finish(polynomial(text));
}

OwnedWordIndex build_word_index(std::span<const Key> keys) {
  if (keys.size() > std::numeric_limits<std::uint32_t>::max())
    throw std::length_error("iom: too many keys for the word index");
  struct Occurrence {
    std::string_view word;
    WordPosting posting;
  };
  std::vector<Occurrence> occurrences;
  std::unordered_map<std::string_view, std::uint32_t> ordinal_of;
  std::vector<std::string_view> tokens;
  for (std::size_t id = 0; id < keys.size(); ++id) {
    if (is_code(keys[id].kind))
      continue;
    tokens.clear();
    const std::string_view key = keys[id].key;
    for (std::size_t start = 0; start <= key.size();) {
      const std::size_t end = std::min(key.find(' ', start), key.size());
      if (end > start)
        tokens.push_back(key.substr(start, end - start));
      start = end + 1;
    }
    if (tokens.size() > std::numeric_limits<std::uint16_t>::max())
      throw std::length_error("iom: a key with too many words to index");
    const auto count = static_cast<std::uint16_t>(tokens.size());
    for (std::size_t i = 0; i < tokens.size(); ++i) {
      occurrences.push_back({tokens[i],
                             {static_cast<std::uint32_t>(id),
                              static_cast<std::uint16_t>(i), count}});
      if (count >= 2)
        ordinal_of.try_emplace(tokens[i],
                               static_cast<std::uint32_t>(ordinal_of.size()));
    }
  }
  std::sort(occurrences.begin(), occurrences.end(),
            [](const Occurrence &a, const Occurrence &b) {
              return std::tie(a.word, a.posting.key, a.posting.position) <
                     std::tie(b.word, b.posting.key, b.posting.position);
            });

  OwnedWordIndex index;
  for (const Occurrence &o : occurrences) {
    if (index.words.empty() || index.words.back() != o.word) {
      index.posting_start.push_back(
          static_cast<std::uint32_t>(index.postings.size()));
      index.words.push_back(o.word);
      const auto ordinal = ordinal_of.find(o.word);
      index.ordinals.push_back(ordinal == ordinal_of.end() ? k_no_ordinal
                                                           : ordinal->second);
    }
    index.postings.push_back(o.posting);
  }
  index.posting_start.push_back(
      static_cast<std::uint32_t>(index.postings.size()));

  std::vector<WordVariant> variants;
  std::vector<std::uint32_t> fingerprints;
  std::vector<std::uint64_t> prefix;
  std::vector<std::uint64_t> power;
  for (std::size_t w = 0; w < index.words.size(); ++w) {
    const std::string_view word = index.words[w];
    prefix.resize(word.size() + 1);
    power.resize(word.size() + 1);
    fingerprints.clear();
    each_variant(word, prefix, power, [&](std::uint32_t fingerprint) {
      fingerprints.push_back(fingerprint);
    });
    // "aab" less either "a" is "ab" once.
    std::sort(fingerprints.begin(), fingerprints.end());
    fingerprints.erase(std::unique(fingerprints.begin(), fingerprints.end()),
                       fingerprints.end());
    for (const std::uint32_t fingerprint : fingerprints)
      variants.push_back({fingerprint, static_cast<std::uint32_t>(w)});
  }
  // About two variants per bucket: a probe reads one cache line.
  const std::size_t buckets =
      std::bit_ceil(std::max<std::size_t>(1, variants.size() / 2));
  const std::uint32_t mask = static_cast<std::uint32_t>(buckets - 1);
  std::stable_sort(variants.begin(), variants.end(),
                   [&](const WordVariant &a, const WordVariant &b) {
                     return (a.fingerprint & mask) < (b.fingerprint & mask);
                   });
  index.bucket_start.assign(buckets + 1, 0);
  for (const WordVariant &v : variants)
    ++index.bucket_start[(v.fingerprint & mask) + 1];
  for (std::size_t b = 0; b < buckets; ++b)
    index.bucket_start[b + 1] += index.bucket_start[b];
  index.variants = std::move(variants);
  return index;
}

void near_words(const WordIndex &index, std::string_view token,
                std::vector<std::uint32_t> &out) {
  out.clear();
  if (token.empty() || index.bucket_start.size() < 2)
    return;
  const auto mask = static_cast<std::uint32_t>(index.bucket_start.size() - 2);
  const auto probe = [&](std::uint32_t fingerprint) {
    const std::uint32_t bucket = fingerprint & mask;
    for (std::uint32_t e = index.bucket_start[bucket];
         e < index.bucket_start[bucket + 1]; ++e)
      if (index.variants[e].fingerprint == fingerprint)
        out.push_back(index.variants[e].word);
  };
  constexpr std::size_t k_stack = 64;
  if (token.size() <= k_stack) {
    std::array<std::uint64_t, k_stack + 1> prefix;
    std::array<std::uint64_t, k_stack + 1> power;
    each_variant(token, prefix, power, probe);
  } else {
    std::vector<std::uint64_t> prefix(token.size() + 1);
    std::vector<std::uint64_t> power(token.size() + 1);
    each_variant(token, prefix, power, probe);
  }
  if (out.size() > 1) {
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
  }
}

WordRange words_starting_with(const WordIndex &index, std::string_view prefix) {
  return words_starting_with(
      index, prefix, {0, static_cast<std::uint32_t>(index.words.size())});
}

WordRange words_starting_with(const WordIndex &index, std::string_view prefix,
                              WordRange within) {
  const auto words =
      index.words.subspan(within.first, within.last - within.first);
  const auto first =
      std::lower_bound(words.begin(), words.end(), prefix, less_bytes);
  // Those that begin with it follow it, all together.
  const auto last =
      std::partition_point(first, words.end(), [&](std::string_view word) {
        return starts_with_bytes(word, prefix);
      });
  return {within.first + static_cast<std::uint32_t>(first - words.begin()),
          within.first + static_cast<std::uint32_t>(last - words.begin())};
}

} // namespace iom::query
