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

std::size_t slot(std::string_view text, std::size_t slots) {
  return Cache::hash(text) & (slots - 1);
}

} // namespace

TEST_CASE("LineCache computes a line once and then remembers it") {
  Cache cache;
  int made = 0;
  CHECK(get(cache, "kenya", made) == "value of kenya");
  CHECK(get(cache, "kenya", made) == "value of kenya");
  CHECK(get(cache, "TR", made) == "value of TR");
  CHECK(get(cache, "kenya", made) == "value of kenya");
  CHECK(made == 2);
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
  CHECK(cache.slots() == Cache::k_min_slots);
  // Lines that never share kenya's slot, before or after growing.
  std::vector<std::string> others;
  for (int i = 0; others.size() < 2 * Cache::k_min_slots; ++i) {
    std::string text = "other " + std::to_string(i);
    if (slot(text, Cache::k_min_slots) != slot("kenya", Cache::k_min_slots) &&
        slot(text, Cache::k_max_slots) != slot("kenya", Cache::k_max_slots))
      others.push_back(text);
  }
  for (std::size_t i = 0; i + 1 < others.size(); ++i)
    get(cache, others[i], made);
  CHECK(cache.slots() == Cache::k_min_slots);
  get(cache, others.back(), made); // the table has taken twice its size
  CHECK(cache.slots() == Cache::k_max_slots);
  made = 0;
  CHECK(get(cache, "kenya", made) == "value of kenya");
  CHECK(made == 0);
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
