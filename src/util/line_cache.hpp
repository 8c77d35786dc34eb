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
// (typos, place names) between them: over the first 200,000 lines of the
// benchmarks' messy mix, convert with a two-way table of 16,384 slots looked
// up 111,959 lines where a direct-mapped one of that size looked up 130,313,
// and on the clean input it ran 20% fewer instructions.
//
// At most k_max_slots, near the CPU's cache: a node-based map of every
// distinct line of a large input (60,000 in the benchmark's million) made
// convert slower than no cache. With two-way sets, 4,096 slots (about
// 0.6 MB for convert) ran faster than 16,384 on every benchmark input
// (eight interleaved rounds, median wall time: messy mix 0.385 s against
// 0.47 s, all garbage 0.255 s against 0.45 s, clean 0.17 s against 0.21 s),
// although the larger table runs fewer instructions where lines repeat: the
// table's memory, not the instructions, is what a miss costs; 1,024 slots
// lost on the clean input. It starts small, so that a few lines do not pay
// for clearing the whole table, and grows to full size, keeping what it
// holds, once it has taken twice as many new lines as it has slots.

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
    else if (m_slots.size() < k_max_slots && m_taken >= 2 * m_slots.size())
      grow(k_max_slots);
    Slot *set = set_of(text_hash);
    for (int k = 0; k < 2; ++k)
      if (set[k].used && set[k].text == text) {
        set[k].hit = true;
        return set[k].value;
      }
    // A free slot, else one that is not marked.
    Slot *slot = nullptr;
    if (!set[0].used || !set[1].used)
      slot = set[0].used ? &set[1] : &set[0];
    else if (!set[0].hit || !set[1].hit)
      slot = set[0].hit ? &set[1] : &set[0];
    if (!slot) {
      set[0].hit = false;
      set[1].hit = false;
      make(m_spare);
      return m_spare;
    }
    slot->used = false;
    make(slot->value);
    slot->text.assign(text);
    slot->used = true;
    slot->hit = false;
    ++m_taken;
    return slot->value;
  }

  std::size_t slots() const { return m_slots.size(); }

  // The hash that places a text.
  static std::uint64_t hash(std::string_view text) { return hash_bytes(text); }

  // The first of the two slots that a text with this hash may sit in.
  static std::size_t set_start(std::uint64_t text_hash, std::size_t slots) {
    return static_cast<std::size_t>(text_hash) & (slots - 1) & ~std::size_t{1};
  }

private:
  struct Slot {
    std::string text;
    Value value{};
    bool used = false;
    bool hit = false; // found again since it came in
  };

  Slot *set_of(std::uint64_t text_hash) {
    return &m_slots[set_start(text_hash, m_slots.size())];
  }

  void grow(std::size_t slots) {
    std::vector<Slot> old = std::exchange(m_slots, std::vector<Slot>(slots));
    for (Slot &slot : old)
      if (slot.used) {
        Slot *set = set_of(hash(slot.text));
        Slot &to = set[0].used ? set[1] : set[0];
        if (!to.used)
          to = std::move(slot);
      }
  }

  std::vector<Slot> m_slots;
  Value m_spare{};         // a value that is not kept
  std::size_t m_taken = 0; // new lines taken into the table
};

} // namespace iom::util
