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
//
// A typo never lands on another country (issue 13): the input's last bytes
// also pick a name the matcher knows (any non-code key), one word of it of 3
// or more letters, and one edit of that word (insert, delete or substitute a
// letter, or swap two adjacent ones), which is within Lucene's AUTO budget.
// `confident` on the edited name must then refuse or answer a place that the
// name belongs to (one of them for a name that several places share). The
// one exception is an edit that makes another real name or code ("iran" ->
// "iraq"): lookup finds that place exactly, and answering it is right.

#include "dataset/builtin.hpp"
#include "query/normalise.hpp"
#include "support.hpp"
#include "util/utf8.hpp"

#include <fuzzer/FuzzedDataProvider.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace {

using iom::fuzz::check_query;

void check_normalise(std::string_view query) {
  const std::string normalised = iom::query::normalise(query);

  // The allocation-free entry point agrees, whatever `out` held before.
  std::string reused = "stale contents";
  iom::query::normalise_into(reused, query);
  FUZZ_CHECK(reused == normalised, query);

  // The fast paths write what the general path writes.
  std::string reference;
  iom::query::normalise_reference_into(reference, query);
  FUZZ_CHECK(reference == normalised, query);

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

bool is_letter(char c) { return c >= 'a' && c <= 'z'; }

// The words of a key that may take a typo: 3 or more bytes (AUTO gives
// shorter ones no edit), all ASCII letters so that every edit stays a
// letter edit. As [begin, end) offsets into the key.
std::vector<std::pair<std::size_t, std::size_t>>
editable_words(std::string_view key) {
  std::vector<std::pair<std::size_t, std::size_t>> words;
  std::size_t start = 0;
  while (start < key.size()) {
    const std::size_t end = std::min(key.find(' ', start), key.size());
    const std::string_view word = key.substr(start, end - start);
    if (word.size() >= 3 && std::all_of(word.begin(), word.end(), is_letter))
      words.emplace_back(start, end);
    start = end + 1;
  }
  return words;
}

// The keys that name a place (no codes) and have a word that may take a
// typo, by KeyId.
const std::vector<iom::query::KeyId> &name_keys(const iom::Dataset &data) {
  static const std::vector<iom::query::KeyId> keys = [&] {
    std::vector<iom::query::KeyId> out;
    for (std::size_t i = 0; i < data.keys.size(); ++i)
      if (!iom::fuzz::is_code_kind(data.keys[i].kind) &&
          !editable_words(data.keys[i].key).empty())
        out.push_back(static_cast<iom::query::KeyId>(i));
    return out;
  }();
  return keys;
}

// "id (place N)" for a failure report.
std::string describe(const iom::Dataset &data, iom::PlaceIndex place) {
  const iom::Place p = iom::place_at(data, place);
  const std::string name =
      p.entry ? std::string(p.entry->id)
              : "world:" + std::string(p.world ? p.world->iso2 : "?");
  return name + " (place " + std::to_string(place) + ")";
}

std::string typo_report(const iom::Dataset &data, std::string_view key,
                        std::string_view edited,
                        const iom::query::Candidate &answer) {
  std::string owners;
  std::optional<iom::PlaceIndex> last;
  // Sorted by place, so a place with two kinds of this key is adjacent.
  for (const iom::Key &k : iom::fuzz::keys_equal_to(data, key))
    if (!iom::fuzz::is_code_kind(k.kind) && k.place != last) {
      owners += (owners.empty() ? "" : ", ") + describe(data, k.place);
      last = k.place;
    }
  return "key '" + std::string(key) + "' of " + owners + " | edited '" +
         std::string(edited) + "' | answer " + describe(data, answer.place) +
         " by " + std::string(iom::query::to_string(answer.reason)) + " of '" +
         std::string(answer.key) + "', score " + std::to_string(answer.score);
}

void check_typo(const iom::Dataset &data, const iom::query::Searcher &searcher,
                const std::uint8_t *bytes, std::size_t size) {
  FuzzedDataProvider input(bytes, size);
  const auto &keys = name_keys(data);
  if (keys.empty())
    return;
  const iom::Key &key =
      data.keys[keys[input.ConsumeIntegralInRange<std::size_t>(0, keys.size() -
                                                                      1)]];
  const auto words = editable_words(key.key);
  const auto [begin, end] =
      words[input.ConsumeIntegralInRange<std::size_t>(0, words.size() - 1)];
  const std::size_t length = end - begin;
  const char letter =
      static_cast<char>('a' + input.ConsumeIntegralInRange<int>(0, 25));
  std::string edited(key.key);
  switch (input.ConsumeIntegralInRange<int>(0, 3)) {
  case 0: // insert before offset 0..length
    edited.insert(begin + input.ConsumeIntegralInRange<std::size_t>(0, length),
                  1, letter);
    break;
  case 1:
    edited.erase(
        begin + input.ConsumeIntegralInRange<std::size_t>(0, length - 1), 1);
    break;
  case 2:
    edited[begin + input.ConsumeIntegralInRange<std::size_t>(0, length - 1)] =
        letter;
    break;
  default: {
    const std::size_t at =
        begin + input.ConsumeIntegralInRange<std::size_t>(0, length - 2);
    std::swap(edited[at], edited[at + 1]);
    break;
  }
  }

  // Typos are what the word index exists for (query/word_index.hpp): the
  // indexed search must find what scoring every key finds.
  const std::vector<iom::query::Candidate> ranked = searcher.search(edited);
  const std::vector<iom::query::Candidate> every =
      searcher.search(edited, iom::query::Searcher::Scan::every_key);
  FUZZ_CHECK(every.size() == ranked.size(), edited);
  for (std::size_t i = 0; i < every.size() && i < ranked.size(); ++i)
    FUZZ_CHECK(every[i].place == ranked[i].place &&
                   every[i].score == ranked[i].score &&
                   every[i].key.data() == ranked[i].key.data(),
               edited);
  const std::optional<iom::query::Candidate> answer =
      iom::query::confident(ranked);
  if (!answer)
    return;
  const auto owners = iom::fuzz::keys_equal_to(data, key.key);
  const auto owns = [&](iom::PlaceIndex place) {
    return std::any_of(owners.begin(), owners.end(), [&](const iom::Key &k) {
      return !iom::fuzz::is_code_kind(k.kind) && k.place == place;
    });
  };
  // Another real name or code ("iraq" from "iran"): lookup finds the answer
  // exactly, and it is no guess.
  const std::vector<iom::query::Match> exact = iom::query::lookup(data, edited);
  const bool names_answer =
      std::any_of(exact.begin(), exact.end(), [&](const iom::query::Match &m) {
        return m.place == answer->place;
      });
  FUZZ_CHECK(owns(answer->place) || names_answer,
             typo_report(data, key.key, edited, *answer));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data,
                                      std::size_t size) {
  const std::string_view query(reinterpret_cast<const char *>(data), size);
  // Built once: preparing the keys' words costs more than one search.
  static const iom::query::Searcher searcher(iom::dataset::builtin());
  check_normalise(query);
  check_query(iom::dataset::builtin(), searcher, query);
  check_typo(iom::dataset::builtin(), searcher, data, size);
  return 0;
}
