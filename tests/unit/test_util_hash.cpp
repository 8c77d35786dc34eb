#include "util/hash.hpp"

#include <doctest/doctest.h>

#include <cstdint>
#include <random>
#include <string>

namespace {

// hash_bytes as it is specified: each eight bytes, then the last 1 to 7,
// as little-endian words assembled byte by byte.
std::uint64_t reference_hash(std::string_view text) {
  constexpr std::uint64_t k_multiplier = 0xBF58476D1CE4E5B9;
  std::uint64_t h = 0x9E3779B97F4A7C15 ^ text.size();
  for (std::size_t i = 0; i < text.size(); i += 8) {
    std::uint64_t word = 0;
    for (std::size_t k = 0; k < 8 && i + k < text.size(); ++k)
      word |= std::uint64_t{static_cast<unsigned char>(text[i + k])} << (8 * k);
    h = (h ^ word) * k_multiplier;
    h ^= h >> 31;
  }
  h ^= h >> 33;
  h *= 0xFF51AFD7ED558CCD;
  h ^= h >> 33;
  return h;
}

} // namespace

TEST_CASE("hash_bytes is the byte-by-byte hash, for every length") {
  std::mt19937 rng(7);
  std::uniform_int_distribution<int> byte(0, 255);
  for (std::size_t size = 0; size <= 40; ++size)
    for (int round = 0; round < 200; ++round) {
      std::string text(size, '\0');
      for (char &c : text)
        c = static_cast<char>(byte(rng));
      // At an odd offset too: the loads are unaligned.
      const std::string shifted = "x" + text;
      REQUIRE(iom::util::hash_bytes(text) == reference_hash(text));
      REQUIRE(iom::util::hash_bytes(std::string_view(shifted).substr(1)) ==
              reference_hash(text));
    }
}
