#include "util/line_cache.hpp"

#include <doctest/doctest.h>

#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

using iom::util::LineCache;

namespace {

using Cache = LineCache<std::string>;

// The value for `text`, counting the lines that had to be computed.
const std::string &get(Cache &cache, const std::string &text, int &made) {
  return cache.get(text, [&](std::string &value) {
    ++made;
    value = "value of " + text;
  });
}

// The set of two slots a text may sit in (its first slot).
std::size_t slot(std::string_view text, std::size_t slots) {
  return Cache::set_start(Cache::hash(text), slots);
}

} // namespace

TEST_CASE("LineCache remembers a line from its second time") {
  Cache cache;
  int made = 0;
  CHECK(get(cache, "kenya", made) == "value of kenya"); // seen
  CHECK(get(cache, "kenya", made) == "value of kenya"); // kept
  CHECK(get(cache, "TR", made) == "value of TR");
  CHECK(get(cache, "kenya", made) == "value of kenya");
  CHECK(get(cache, "kenya", made) == "value of kenya");
  CHECK(made == 3);
}

TEST_CASE("LineCache gives every line its own value when slots are shared") {
  Cache cache;
  int made = 0;
  for (int round = 0; round < 3; ++round)
    for (int i = 0; i < 40000; ++i) {
      const std::string text = "line " + std::to_string(i);
      REQUIRE(get(cache, text, made) == "value of " + text);
    }
  CHECK(made > 40000); // more lines than slots: some were taken over
}

TEST_CASE("LineCache starts small and grows once, keeping what it holds") {
  Cache cache;
  CHECK(cache.slots() == 0);
  int made = 0;
  get(cache, "kenya", made);
  get(cache, "kenya", made); // kept; two new lines so far
  CHECK(cache.slots() == Cache::k_min_slots);
  // Lines that never share kenya's set of slots, before or after growing:
  // it grows when it has seen twice as many new lines as it has slots.
  std::vector<std::string> others;
  for (int i = 0; others.size() < 2 * Cache::k_min_slots - 1; ++i) {
    std::string text = "other " + std::to_string(i);
    if (slot(text, Cache::k_min_slots) != slot("kenya", Cache::k_min_slots) &&
        slot(text, Cache::k_max_slots) != slot("kenya", Cache::k_max_slots))
      others.push_back(text);
  }
  for (std::size_t i = 0; i + 1 < others.size(); ++i)
    get(cache, others[i], made);
  CHECK(cache.slots() == Cache::k_min_slots);
  get(cache, others.back(), made);
  CHECK(cache.slots() == Cache::k_max_slots);
  made = 0;
  CHECK(get(cache, "kenya", made) == "value of kenya");
  CHECK(made == 0);
}

// A line that comes once is only seen: it never takes a slot, so a
// column of distinct lines leaves the slots to the lines that repeat.
TEST_CASE("LineCache keeps no line that comes once") {
  // One line for every 16 slots: few sets get more than two of them.
  constexpr int k_lines = static_cast<int>(Cache::k_max_slots / 16);
  Cache cache;
  int made = 0;
  // New lines that grow the table to full size first: a line seen before
  // it grows may lose its mark, as its new set keeps two.
  for (std::size_t i = 0; cache.slots() < Cache::k_max_slots; ++i)
    get(cache, "warm " + std::to_string(i), made);
  made = 0;
  for (int i = 0; i < k_lines; ++i)
    get(cache, "place " + std::to_string(i), made);
  CHECK(made == k_lines);
  made = 0;
  for (int i = 0; i < k_lines; ++i)
    get(cache, "place " + std::to_string(i), made);
  CHECK(made == k_lines); // seen once each before: kept now, not found
  made = 0;
  int found = 0;
  for (int i = 0; i < k_lines; ++i) {
    const int before = made;
    get(cache, "place " + std::to_string(i), made);
    found += made == before ? 1 : 0;
  }
  // All but the few whose set had no free slot.
  CHECK(found > k_lines * 9 / 10);
}

// A line found again survives any number of lines that come once: the
// set's other slot takes them, and a direct-mapped table would lose it.
TEST_CASE("LineCache keeps a repeated line among lines that never repeat") {
  Cache cache;
  int made = 0;
  get(cache, "kenya", made);
  get(cache, "kenya", made);
  for (int i = 0; i < 200000; ++i) {
    const std::string text = "place " + std::to_string(i);
    REQUIRE(get(cache, text, made) == "value of " + text);
    if (i % 5000 == 0) // still found, and found again: marked again
      CHECK(get(cache, "kenya", made) == "value of kenya");
  }
  made = 0;
  CHECK(get(cache, "kenya", made) == "value of kenya");
  CHECK(made == 0);
}

// Two repeated lines of one set keep it: a third line that comes again is
// given its value but not kept, and both stay; it clears their marks, so
// when it comes twice more, it takes a slot.
TEST_CASE("LineCache gives a line its value when its set keeps two others") {
  std::vector<std::string> same_set;
  for (int i = 0; same_set.size() < 3; ++i) {
    std::string text = "line " + std::to_string(i);
    if (slot(text, Cache::k_min_slots) == slot("kenya", Cache::k_min_slots))
      same_set.push_back(text);
  }
  Cache fresh;
  int made = 0;
  for (int round = 0; round < 3; ++round) { // seen, kept, found (marked)
    get(fresh, same_set[0], made);
    get(fresh, same_set[1], made);
  }
  CHECK(made == 4);
  CHECK(get(fresh, same_set[2], made) == "value of " + same_set[2]);
  CHECK(get(fresh, same_set[2], made) == "value of " + same_set[2]);
  CHECK(made == 6); // seen, then not kept: it cleared both marks
  CHECK(get(fresh, same_set[1], made) == "value of " + same_set[1]);
  CHECK(made == 6);              // still kept, and marked again
  get(fresh, same_set[2], made); // seen
  get(fresh, same_set[2], made); // kept, in the first line's slot
  CHECK(made == 8);
  CHECK(get(fresh, same_set[2], made) == "value of " + same_set[2]);
  CHECK(get(fresh, same_set[1], made) == "value of " + same_set[1]);
  CHECK(made == 8);
  CHECK(get(fresh, same_set[0], made) == "value of " + same_set[0]);
  CHECK(made == 9);
}

TEST_CASE("LineCache remembers nothing for a line whose value failed") {
  Cache cache;
  CHECK_THROWS_AS(cache.get("kenya",
                            [](std::string &) {
                              throw std::runtime_error("lookup failed");
                            }),
                  std::runtime_error);
  int made = 0;
  CHECK(get(cache, "kenya", made) == "value of kenya");
  CHECK(made == 1);
}
