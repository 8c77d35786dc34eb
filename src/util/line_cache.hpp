#pragma once

// A memo for batch input, which repeats itself (a column of country names):
// the value computed for a line, kept per distinct line text.
//
// It is a direct-mapped table: a line's hash fixes its slot, and a new line
// takes the slot over. At most k_max_slots (about 2 MB for convert), near the
// CPU's cache: a node-based map of every distinct line of a large input
// (60,000 in the benchmark's million) made convert slower than no cache, and
// 4,096 or 65,536 slots measured slower than 16,384. It starts small, so that
// a few lines do not pay for clearing the whole table, and grows to full size,
// keeping what it holds, once it has taken twice as many new lines as it has
// slots.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "util/hash.hpp"

namespace iom::util {

template <class Value> class LineCache {
public:
  static constexpr std::size_t k_min_slots = 64;
  static constexpr std::size_t k_max_slots = 16384;
  static_assert((k_min_slots & (k_min_slots - 1)) == 0 &&
                (k_max_slots & (k_max_slots - 1)) == 0);

  // The value for `text`: the remembered one, or else make(value) fills a
  // slot's value (holding whatever that slot held before) and it is
  // remembered. When make throws, nothing is remembered for `text`.
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
    Slot &slot = m_slots[text_hash & (m_slots.size() - 1)];
    if (slot.used && slot.text == text)
      return slot.value;
    slot.used = false;
    make(slot.value);
    slot.text.assign(text);
    slot.used = true;
    ++m_taken;
    return slot.value;
  }

  std::size_t slots() const { return m_slots.size(); }

  // The hash that places a text.
  static std::uint64_t hash(std::string_view text) { return hash_bytes(text); }

private:
  struct Slot {
    std::string text;
    Value value{};
    bool used = false;
  };

  Slot &slot_of(std::string_view text) {
    return m_slots[hash(text) & (m_slots.size() - 1)];
  }

  void grow(std::size_t slots) {
    std::vector<Slot> old = std::exchange(m_slots, std::vector<Slot>(slots));
    for (Slot &slot : old)
      if (slot.used)
        slot_of(slot.text) = std::move(slot);
  }

  std::vector<Slot> m_slots;
  std::size_t m_taken = 0; // new lines taken into the table
};

} // namespace iom::util
