#include "util/bytes16.hpp"

#include <doctest/doctest.h>

#include <cstdint>
#include <cstring>
#include <random>

namespace {

using iom::util::Bytes16;

Bytes16 from_bytes(const unsigned char (&bytes)[16]) {
  Bytes16 v;
  std::memcpy(&v, bytes, sizeof v);
  return v;
}

// Bit k: whether byte k is 0x80 or above, one byte at a time.
std::uint32_t reference_high_bits(const unsigned char (&bytes)[16]) {
  std::uint32_t bits = 0;
  for (int k = 0; k < 16; ++k)
    if (bytes[k] >= 0x80)
      bits |= std::uint32_t{1} << k;
  return bits;
}

} // namespace

TEST_CASE("bytes16: high_bits and its portable form gather bit k from byte k") {
  // Each byte alone set, at its edges (0x7F is not high, 0x80 is), then
  // random bytes and random masks of 0x00 and 0xFF (what comparisons make).
  for (int k = 0; k < 16; ++k)
    for (const unsigned char value : {0x7F, 0x80, 0xFF}) {
      unsigned char bytes[16] = {};
      bytes[k] = value;
      CAPTURE(k);
      CAPTURE(int{value});
      CHECK(iom::util::high_bits_portable(from_bytes(bytes)) ==
            reference_high_bits(bytes));
      CHECK(iom::util::high_bits(from_bytes(bytes)) ==
            reference_high_bits(bytes));
    }
  std::mt19937 random(16);
  for (int round = 0; round < 20000; ++round) {
    unsigned char bytes[16];
    const bool mask = round % 2 == 0;
    for (unsigned char &b : bytes)
      b = static_cast<unsigned char>(mask ? (random() & 1 ? 0xFF : 0)
                                          : random() & 0xFF);
    const std::uint32_t want = reference_high_bits(bytes);
    REQUIRE(iom::util::high_bits_portable(from_bytes(bytes)) == want);
    REQUIRE(iom::util::high_bits(from_bytes(bytes)) == want);
  }
}
