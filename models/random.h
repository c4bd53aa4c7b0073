#pragma once
/// @file The random engine every model draws from. Draws are Boost.Random's so the same seed gives the same
/// draws with every standard library: the engine is Boost's mt19937_64 made in bulk (mersenne_twister.h),
/// the distributions Boost's; uniform_01 below is Boost's, bit for bit, without a branch that cost the
/// receiver's hot path.
#include <cstdint>

#include "models/mersenne_twister.h"

namespace delivsim {

/// 64-bit Mersenne Twister; the kernel hands out one per named entity (see sim/kernel/rng_streams.h).
using RandomEngine = MersenneTwister64;

/// `bits` / 2^64, rounded to the nearest double (ties to even), as `static_cast<double>(bits) * 0x1p-64`
/// gives it. Summed from two exact 32-bit halves, so the one rounding is the sum's: on x86-64 without
/// AVX-512 the direct conversion of an unsigned 64-bit number branches on its top bit, which random bits
/// mispredict half the time.
constexpr double unit_fraction_of(std::uint64_t bits) {
  const double high = static_cast<double>(bits >> 32) * 0x1p32;
  const double low = static_cast<double>(bits & 0xffff'ffffU);
  return (high + low) * 0x1p-64;
}

/// A uniform draw from [0, 1): `boost::random::uniform_01<double>()(engine)` bit for bit, with the same
/// engine draws (one, and another whenever the fraction rounds up to 1), without its branchy conversion.
inline double uniform_01(RandomEngine& engine) {
  for (;;) {
    const double fraction = unit_fraction_of(engine());
    if (fraction < 1.0) return fraction;
  }
}

}  // namespace delivsim
