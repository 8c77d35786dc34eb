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

// Little-endian loads: the same words on every platform.
inline std::uint64_t load_le64(const char *p) {
  std::uint64_t word;
  std::memcpy(&word, p, sizeof word);
  if constexpr (std::endian::native == std::endian::big)
    word = __builtin_bswap64(word);
  return word;
}

inline std::uint64_t load_le32(const char *p) {
  std::uint32_t word;
  std::memcpy(&word, p, sizeof word);
  if constexpr (std::endian::native == std::endian::big)
    word = __builtin_bswap32(word);
  return word;
}

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
  for (; i + 8 <= n; i += 8)
    mix(load_le64(p + i));
  // The last 1 to 7 bytes as one little-endian word, from loads that may
  // overlap (the same bytes at the same places), not byte by byte.
  if (const std::size_t rest = n - i; rest > 0) {
    std::uint64_t word;
    if (n >= 8) {
      word = load_le64(p + n - 8) >> (8 * (8 - rest));
    } else if (rest >= 4) {
      word = load_le32(p) | load_le32(p + rest - 4) << (8 * (rest - 4));
    } else {
      const auto byte = [&](std::size_t k) {
        return std::uint64_t{static_cast<unsigned char>(p[k])} << (8 * k);
      };
      word = byte(0) | byte(rest / 2) | byte(rest - 1);
    }
    mix(word);
  }
  h ^= h >> 33;
  h *= 0xFF51AFD7ED558CCD;
  h ^= h >> 33;
  return h;
}

} // namespace iom::util
