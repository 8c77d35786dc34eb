// The candidate index of approximate matching (query/word_index.hpp): it
// misses no word within the edit bound, on the built-in keys and on keys
// built at run time, and the generated tables equal what the builder makes.

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "dataset/builtin.hpp"
#include "model.hpp"
#include "query/distance.hpp"
#include "query/index.hpp"
#include "query/keys.hpp"
#include "query/match.hpp"
#include "query/word_index.hpp"

using namespace iom;
using namespace iom::query;

namespace {

// Every word within edit_bound(token) edits of `token` by brute force.
std::vector<std::uint32_t> within_bound(const WordIndex &index,
                                        std::string_view token) {
  std::vector<std::uint32_t> out;
  const int bound = edit_bound(token.size());
  for (std::uint32_t w = 0; w < index.words.size(); ++w)
    if (damerau_levenshtein(token, index.words[w], bound) <= bound)
      out.push_back(w);
  return out;
}

// Typos of every word: each byte changed, dropped, doubled or swapped with
// the next, and two of those at once for long words.
std::set<std::string> typos(const WordIndex &index) {
  std::set<std::string> out;
  for (const std::string_view word : index.words) {
    const std::string w(word);
    out.insert(w);
    for (std::size_t i = 0; i < w.size(); ++i) {
      std::string changed = w;
      changed[i] = changed[i] == 'x' ? 'q' : 'x';
      out.insert(changed);
      out.insert(w.substr(0, i) + w.substr(i + 1));
      out.insert(w.substr(0, i + 1) + w.substr(i));
      if (i + 1 < w.size()) {
        std::string swapped = w;
        std::swap(swapped[i], swapped[i + 1]);
        out.insert(swapped);
      }
      if (w.size() >= 6 && i + 3 < w.size()) {
        std::string two = changed;
        two.erase(i + 2, 1);
        out.insert(two);
      }
    }
  }
  return out;
}

} // namespace

TEST_CASE("word index: no word within the bound is missed (built-in keys)") {
  const WordIndex &index = dataset::builtin().word_index;
  REQUIRE(index.words.size() > 500);
  std::size_t found = 0;
  std::vector<std::uint32_t> near;
  for (const std::string &token : typos(index)) {
    near_words(index, token, near);
    CAPTURE(token);
    REQUIRE(std::is_sorted(near.begin(), near.end()));
    REQUIRE(std::adjacent_find(near.begin(), near.end()) == near.end());
    for (const std::uint32_t w : within_bound(index, token)) {
      CAPTURE(index.words[w]);
      CHECK(std::binary_search(near.begin(), near.end(), w));
      ++found;
    }
  }
  CHECK(found > 10000);
}

TEST_CASE("word index: the generated tables are what the builder makes") {
  const Dataset &data = dataset::builtin();
  const OwnedWordIndex built = build_word_index(data.keys);
  const WordIndex &index = data.word_index;
  CHECK(std::equal(built.words.begin(), built.words.end(), index.words.begin(),
                   index.words.end()));
  CHECK(std::equal(built.ordinals.begin(), built.ordinals.end(),
                   index.ordinals.begin(), index.ordinals.end()));
  CHECK(std::equal(built.posting_start.begin(), built.posting_start.end(),
                   index.posting_start.begin(), index.posting_start.end()));
  CHECK(built.postings.size() == index.postings.size());
  CHECK(std::equal(built.bucket_start.begin(), built.bucket_start.end(),
                   index.bucket_start.begin(), index.bucket_start.end()));
  REQUIRE(built.variants.size() == index.variants.size());
  for (std::size_t i = 0; i < built.variants.size(); ++i) {
    CHECK(built.variants[i].fingerprint == index.variants[i].fingerprint);
    CHECK(built.variants[i].word == index.variants[i].word);
  }
}

TEST_CASE("word index: words, postings and ordinals of a small key set") {
  const Key keys[] = {
      {"ke", 0, KeyKind::iso2},
      {"kenya", 0, KeyKind::name},
      {"republic of kenya", 0, KeyKind::alias},
      {"republic of korea", 1, KeyKind::name},
  };
  const OwnedWordIndex index = build_word_index(keys);
  // Codes are no words; the rest sorted, each once.
  const std::vector<std::string_view> words{"kenya", "korea", "of", "republic"};
  CHECK(index.words == words);
  // Order of first appearance among the words of multi-word keys.
  const std::vector<std::uint32_t> ordinals{2, 3, 1, 0};
  CHECK(index.ordinals == ordinals);
  REQUIRE(index.posting_start.size() == 5);
  // "kenya": the one-word key 1, and word 2 of the three-word key 2.
  CHECK(index.posting_start[1] - index.posting_start[0] == 2);
  CHECK(index.postings[0].key == 1);
  CHECK(index.postings[0].token_count == 1);
  CHECK(index.postings[1].key == 2);
  CHECK(index.postings[1].position == 2);
  CHECK(index.postings[1].token_count == 3);

  const WordRange re = words_starting_with(index.view(), "re");
  CHECK(re.first == 3);
  CHECK(re.last == 4);
  const WordRange k = words_starting_with(index.view(), "k");
  CHECK(k.first == 0);
  CHECK(k.last == 2);
  CHECK(words_starting_with(index.view(), "z").first ==
        words_starting_with(index.view(), "z").last);

  std::vector<std::uint32_t> near;
  near_words(index.view(), "kenia", near); // one edit
  CHECK(std::count(near.begin(), near.end(), 0u) == 1);
  near_words(index.view(), "repubilc", near); // a swap
  CHECK(std::count(near.begin(), near.end(), 3u) == 1);
  near_words(index.view(), "fo", near); // 2 bytes: no edits
  CHECK(std::count(near.begin(), near.end(), 2u) == 0);
}

TEST_CASE("word index: a dataset with keys but no index searches the same") {
  // The Searcher builds the index itself when the dataset has none, and
  // finds what scoring every key finds.
  const Dataset &builtin = dataset::builtin();
  Dataset bare = builtin;
  bare.word_index = {};
  const Searcher indexed(bare);
  for (const std::string_view q :
       {"kenia", "republic of kenia", "nothern ireland", "cote divoire",
        "upper valley 1234", "sud", "congo", "st"}) {
    CAPTURE(q);
    const std::vector<Candidate> a = indexed.search(q);
    const std::vector<Candidate> b =
        indexed.search(q, Searcher::Scan::every_key);
    REQUIRE(a.size() == b.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
      CHECK(a[i].place == b[i].place);
      CHECK(a[i].score == b[i].score);
      CHECK(a[i].key.data() == b[i].key.data());
    }
  }
}

TEST_CASE("word index: attach_keys builds it with the keys of a loaded set") {
  // What a --data file gets: the keys and their index, built at load time.
  const Dataset &builtin = dataset::builtin();
  Dataset loaded;
  loaded.entries = builtin.entries;
  loaded.world = builtin.world;
  loaded.hosts = builtin.hosts;
  attach_keys(loaded);
  REQUIRE_FALSE(loaded.word_index.words.empty());
  const OwnedWordIndex built = build_word_index(loaded.keys);
  CHECK(std::equal(built.words.begin(), built.words.end(),
                   loaded.word_index.words.begin(),
                   loaded.word_index.words.end()));
  CHECK(loaded.word_index.variants.size() == built.variants.size());
  const Searcher searcher(loaded);
  for (const std::string_view q : {"kenia", "republc of kenya", "sud"}) {
    CAPTURE(q);
    const std::vector<Candidate> a = searcher.search(q);
    const std::vector<Candidate> b =
        searcher.search(q, Searcher::Scan::every_key);
    REQUIRE(a.size() == b.size());
    REQUIRE_FALSE(a.empty());
    for (std::size_t i = 0; i < a.size(); ++i)
      CHECK(a[i].key.data() == b[i].key.data());
  }
}
