#pragma once

// A memo for batch input, which repeats itself (a column of country names):
// the value computed for a line, kept per distinct line text.
//
// It is a two-way set-associative table: a line's hash fixes its set of two
// slots, and a new line takes one of them over. A slot whose line has been
// found again since it came in is marked, and survives one new line: when
// both slots of the set are marked, the new line clears the marks and is not
// kept (its value lives in a spare slot until the next call). So the names
// that a messy column repeats are not pushed out by the distinct lines
// (typos, place names) between them.
//
// A line is kept only when it comes a second time: the first time, only its
// hash is noted, in one of two "seen" tags that each set has beside its
// slots. A column of distinct lines (garbage, place names that each come
// once) then never touches the slots, only the tags, and the repeated lines
// keep them. Each slot and seen mark is a tag, the line's hash with its
// marks in the two low bits, and a probe reads the set's four tags, 32 bytes,
// and touches a slot only when its tag agrees: the table's memory, not its
// instructions, is what a probe costs (a table of 16,384 slots of a string
// and a value each, probed slot by slot, made convert slower than 4,096
// did, on every benchmark input).
//
// Over the benchmarks' messy mix (1,000,000 lines, 425,549 distinct, 24,484
// of them repeated), 4,096 slots that keep every new line found 301,542
// lines again; with the seen tags, 4,096 slots found 368,941, 16,384 found
// 501,137 and 32,768 found 527,295. More lines found is fewer instructions,
// but not less time: 16,384 slots of 128 bytes (2 MiB) do not fit in a
// core's 512 KiB L2, and on a host whose L3 other machines share, convert
// took longer with them than with 4,096 on every benchmark input (median
// wall time of 25 interleaved rounds, 2026-12-07: messy mix 300 and 302 ms
// against 260 and 269, clean 130 against 123, all garbage 228 against 207;
// 8,192 lay between). It starts small, so that a few lines do not pay for
// clearing the whole table, and grows to full size, keeping what it holds,
// once it has seen twice as many new lines as it has slots.
//
// convert's slots were then halved to 64 bytes, one cache line (its Outcome
// keeps its seldom-used strings apart): over the messy mix, with a 1 MiB
// last-level cache simulated (cachegrind), last-level misses fell from
// 362,597 to 169,228 and first-level ones from 5.15M to 4.66M; median wall
// time of 31 interleaved rounds 276 -> 259 ms (mawk 442). 8,192 slots of 64
// bytes took 273 ms: 4,096 it stays.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "util/hash.hpp"

namespace iom::util {

template <class Value> class LineCache {
public:
  static constexpr std::size_t k_min_slots = 64;
  static constexpr std::size_t k_max_slots = 4096;
  static_assert((k_min_slots & (k_min_slots - 1)) == 0 &&
                (k_max_slots & (k_max_slots - 1)) == 0 && k_min_slots >= 2);

  // The value for `text`: the remembered one, or else make(value) fills a
  // slot's value (holding whatever that slot held before) and it is
  // remembered, or kept only until the next call (see above). When make
  // throws, nothing is remembered for `text`.
  template <class Make> const Value &get(std::string_view text, Make &&make) {
    return get(text, hash(text), make);
  }

  // The same, for a caller that has hash(text) at hand.
  template <class Make>
  const Value &get(std::string_view text, std::uint64_t text_hash,
                   Make &&make) {
    if (m_slots.empty())
      grow(k_min_slots);
    else if (m_slots.size() < k_max_slots && m_new >= 2 * m_slots.size())
      grow(k_max_slots);
    const std::size_t set = set_start(text_hash, m_slots.size());
    std::uint64_t *tags = &m_tags[2 * set]; // two slots, then two seen
    const std::uint64_t want = (text_hash & ~k_marks) | k_used;
    for (std::size_t k = 0; k < 2; ++k)
      if ((tags[k] & ~k_hit) == want && m_slots[set + k].text == text) {
        tags[k] |= k_hit;
        return m_slots[set + k].value;
      }
    ++m_new;
    // Seen before: kept now. Else noted as seen (the older mark goes).
    std::size_t k = 2;
    if (tags[2] == want || tags[3] == want) {
      if (tags[2] == want)
        tags[2] = tags[3];
      tags[3] = 0;
      // A free slot, else one that is not marked.
      if ((tags[0] & k_used) == 0 || (tags[1] & k_used) == 0)
        k = (tags[0] & k_used) != 0 ? 1 : 0;
      else if ((tags[0] & k_hit) == 0 || (tags[1] & k_hit) == 0)
        k = (tags[0] & k_hit) != 0 ? 1 : 0;
      else {
        tags[0] &= ~k_hit;
        tags[1] &= ~k_hit;
      }
    } else {
      tags[3] = tags[2];
      tags[2] = want;
    }
    if (k == 2) {
      make(m_spare);
      return m_spare;
    }
    Slot &slot = m_slots[set + k];
    tags[k] = 0;
    make(slot.value);
    slot.text.assign(text);
    tags[k] = want;
    return slot.value;
  }

  std::size_t slots() const { return m_slots.size(); }

  // The hash that places a text.
  static std::uint64_t hash(std::string_view text) { return hash_bytes(text); }

  // The first of the two slots that a text with this hash may sit in.
  static std::size_t set_start(std::uint64_t text_hash, std::size_t slots) {
    return static_cast<std::size_t>(text_hash) & (slots - 1) & ~std::size_t{1};
  }

private:
  // A tag's marks, in the bits of the hash that its set's position fixes
  // (bit 0 is no part of it; bit 1 is the same for both slots of a set).
  static constexpr std::uint64_t k_hit = 1;  // found again since it came in
  static constexpr std::uint64_t k_used = 2; // a slot's line, or seen
  static constexpr std::uint64_t k_marks = k_hit | k_used;

  // A slot is read only when its tag agrees; aligned, so that a small one
  // (a string and a 32-byte value: 64 bytes) is one cache line to read.
  struct alignas(64) Slot {
    std::string text;
    Value value{};
  };

  // Keeps the slots' lines and the seen marks, as far as their new sets
  // have room. A tag holds its hash but for bits 0 and 1, and bit 1 is its
  // old set's: enough to place it in a larger table.
  void grow(std::size_t slots) {
    std::vector<Slot> old = std::exchange(m_slots, std::vector<Slot>(slots));
    std::vector<std::uint64_t> old_tags =
        std::exchange(m_tags, std::vector<std::uint64_t>(2 * slots, 0));
    for (std::size_t set = 0; set < old.size(); set += 2)
      for (std::size_t k = 0; k < 4; ++k) {
        const std::uint64_t tag = old_tags[2 * set + k];
        if ((tag & k_used) == 0)
          continue;
        const std::uint64_t text_hash = (tag & ~k_marks) | (set & 2);
        std::uint64_t *tags = &m_tags[2 * set_start(text_hash, slots)];
        const std::size_t first = k < 2 ? 0 : 2; // a slot, or seen
        const std::size_t to = (tags[first] & k_used) != 0 ? first + 1 : first;
        if ((tags[to] & k_used) != 0)
          continue;
        tags[to] = tag;
        if (k < 2)
          m_slots[set_start(text_hash, slots) + to] = std::move(old[set + k]);
      }
  }

  std::vector<Slot> m_slots;
  // Four per set of two slots: the slots' tags, then two seen marks.
  std::vector<std::uint64_t> m_tags;
  Value m_spare{};       // a value that is not kept
  std::size_t m_new = 0; // lines that were not found
};

} // namespace iom::util
