#pragma once

// The hash of a byte string that the exact lookup's key table
// (Dataset::key_slots), convert's line cache and its summary's counts use:
// eight bytes at a time, so that a line costs a few multiplications, with a
// final mix so that the low bits alone (a table's slot) are well spread. The
// same value on every platform (bytes are read as little-endian), since the
// key table is generated at build time.

#include <bit>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace iom::util {

inline std::uint64_t hash_bytes(std::string_view text) {
  constexpr std::uint64_t k_multiplier = 0xBF58476D1CE4E5B9;
  const char *p = text.data();
  const std::size_t n = text.size();
  std::uint64_t h = 0x9E3779B97F4A7C15 ^ n;
  const auto mix = [&](std::uint64_t word) {
    h = (h ^ word) * k_multiplier;
    h ^= h >> 31;
  };
  std::size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    std::uint64_t word;
    std::memcpy(&word, p + i, sizeof word);
    if constexpr (std::endian::native == std::endian::big)
      word = __builtin_bswap64(word);
    mix(word);
  }
  if (i < n) {
    std::uint64_t word = 0;
    for (std::size_t k = 0; i + k < n; ++k)
      word |= std::uint64_t{static_cast<unsigned char>(p[i + k])} << (8 * k);
    mix(word);
  }
  h ^= h >> 33;
  h *= 0xFF51AFD7ED558CCD;
  h ^= h >> 33;
  return h;
}

} // namespace iom::util
