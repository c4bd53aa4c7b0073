#include "models/mersenne_twister.h"

#include <algorithm>

namespace delivsim {

namespace {

// MT19937-64's parameters (Nishimura 2000), as boost::random::mt19937_64 names them.
constexpr std::uint64_t kTwistXor = 0xB5026F5AA96619E9ULL;     ///< a
constexpr std::uint64_t kUpperMask = ~std::uint64_t{0} << 31;  ///< the top w - r bits
constexpr std::uint64_t kLowerMask = ~kUpperMask;
constexpr std::uint64_t kSeedMultiplier = 6364136223846793005ULL;  ///< f

/// One word of the twist: `old_high`'s top bits and `old_next`'s low bits, shifted, xor `a` if odd,
/// xor the word `m` on. `-(y & 1) & a` is Boost's `(y & 1) * a` without a 64-bit multiply, which SSE2
/// lacks.
constexpr std::uint64_t twisted(std::uint64_t old_high, std::uint64_t old_next, std::uint64_t far) {
  const std::uint64_t y = (old_high & kUpperMask) | (old_next & kLowerMask);
  return far ^ (y >> 1) ^ (-(old_next & 1) & kTwistXor);
}

}  // namespace

MersenneTwister64::MersenneTwister64(result_type seed) {
  // Boost's seed(): Knuth's linear recurrence, then normalize_state(), which sets the low bits of the first
  // word (no output depends on them) and guards against an all-zero state.
  state_[0] = seed;
  for (std::size_t i = 1; i < kStateWords; ++i)
    state_[i] = kSeedMultiplier * (state_[i - 1] ^ (state_[i - 1] >> 62)) + i;
  std::uint64_t y0 = state_[kShift - 1] ^ state_[kStateWords - 1];
  y0 = (y0 >> 63) != 0 ? ((y0 ^ kTwistXor) << 1) | 1 : y0 << 1;
  state_[0] = (state_[0] & kUpperMask) | (y0 & kLowerMask);
  if (std::all_of(state_.begin(), state_.end(), [](std::uint64_t word) { return word == 0; }))
    state_[0] = std::uint64_t{1} << 63;
}

void MersenneTwister64::refill() {
  // Boost's twist(): each word from itself, the next (not yet twisted) and the one m on (in the first
  // half not yet twisted, in the second already).
  for (std::size_t j = 0; j < kStateWords - kShift; ++j)
    state_[j] = twisted(state_[j], state_[j + 1], state_[j + kShift]);
  for (std::size_t j = kStateWords - kShift; j < kStateWords - 1; ++j)
    state_[j] = twisted(state_[j], state_[j + 1], state_[j - (kStateWords - kShift)]);
  state_[kStateWords - 1] = twisted(state_[kStateWords - 1], state_[0], state_[kShift - 1]);
  // Boost's tempering (u, d, s, b, t, c, l), of every word at once.
  for (std::size_t j = 0; j < kStateWords; ++j) {
    std::uint64_t z = state_[j];
    z ^= (z >> 29) & 0x5555555555555555ULL;
    z ^= (z << 17) & 0x71D67FFFEDA60000ULL;
    z ^= (z << 37) & 0xFFF7EEE000000000ULL;
    z ^= z >> 43;
    outputs_[j] = z;
  }
  next_ = 0;
}

}  // namespace delivsim
