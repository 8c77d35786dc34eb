#pragma once

// Sixteen bytes as one GCC vector (vector_size(16)): comparisons and
// arithmetic work on all sixteen at once, with SSE2 on x86-64 and plain
// words elsewhere. The one operation that the vector extensions cannot
// spell is gathering a bit per byte; high_bits does it.

#include <cstddef>
#include <cstdint>

#include "util/hash.hpp"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace iom::util {

using Bytes16 = unsigned char __attribute__((vector_size(16)));

// Bit k: the high bit of byte k of `v`, from two 64-bit words: each byte's
// high bit moved to its low bit, then one multiplication gathers the eight
// of a word into its top byte (bit 8k goes to bit 56 + k, and no two
// partial products overlap, so nothing carries). What high_bits is without
// SSE2; compiled everywhere, so that the unit tests hold it to SSE2's.
inline std::uint32_t high_bits_portable(Bytes16 v) {
  constexpr std::uint64_t k_gather = 0x0102040810204080;
  const char *bytes = reinterpret_cast<const char *>(&v);
  const auto half = [bytes](std::size_t at) {
    const std::uint64_t word = load_le64(bytes + at);
    return static_cast<std::uint32_t>(
        (((word >> 7) & 0x0101010101010101) * k_gather) >> 56);
  };
  return half(0) | half(8) << 8;
}

// Bit k: the high bit of byte k of `v` (SSE2's movemask).
inline std::uint32_t high_bits(Bytes16 v) {
#if defined(__SSE2__)
  return static_cast<std::uint32_t>(
      _mm_movemask_epi8(reinterpret_cast<__m128i>(v)));
#else
  return high_bits_portable(v);
#endif
}

} // namespace iom::util
