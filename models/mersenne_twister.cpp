#include "models/mersenne_twister.h"

#include <algorithm>

namespace delivsim {

namespace {

using mt19937_64_refill::kShift;
using mt19937_64_refill::kStateWords;

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

/// Boost's twist() and tempering of the whole state, into `outputs`. Inlined into one copy per instruction
/// set (below): GCC vectorises its loops, two words at a time with SSE2, four with AVX2.
[[gnu::always_inline]] inline void twist_and_temper(std::uint64_t* __restrict state,
                                                    std::uint64_t* __restrict outputs) {
  // Each word from itself, the next (not yet twisted) and the one m on (in the first half not yet
  // twisted, in the second already).
  for (std::size_t j = 0; j < kStateWords - kShift; ++j)
    state[j] = twisted(state[j], state[j + 1], state[j + kShift]);
  for (std::size_t j = kStateWords - kShift; j < kStateWords - 1; ++j)
    state[j] = twisted(state[j], state[j + 1], state[j - (kStateWords - kShift)]);
  state[kStateWords - 1] = twisted(state[kStateWords - 1], state[0], state[kShift - 1]);
  // Boost's tempering (u, d, s, b, t, c, l), of every word at once.
  for (std::size_t j = 0; j < kStateWords; ++j) {
    std::uint64_t z = state[j];
    z ^= (z >> 29) & 0x5555555555555555ULL;
    z ^= (z << 17) & 0x71D67FFFEDA60000ULL;
    z ^= (z << 37) & 0xFFF7EEE000000000ULL;
    z ^= z >> 43;
    outputs[j] = z;
  }
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
  // Integer operations only, so every copy gives the same numbers. AVX2's took 2.3% fewer instructions of
  // bench-1m's run and 0.98 of its time (an AVX-512 copy was no faster).
  static const auto twist_and_temper_copy =
      mt19937_64_refill::avx2_supported() ? &mt19937_64_refill::avx2 : &mt19937_64_refill::baseline;
  twist_and_temper_copy(state_.data(), outputs_.data());
  next_ = 0;
}

namespace mt19937_64_refill {

void baseline(std::uint64_t* state, std::uint64_t* outputs) {
  twist_and_temper(state, outputs);
}

#if defined(__x86_64__)
[[gnu::target("avx2")]]
#endif
void avx2(std::uint64_t* state, std::uint64_t* outputs) {
  twist_and_temper(state, outputs);
}

bool avx2_supported() {
#if defined(__x86_64__)
  __builtin_cpu_init();  // in case this runs in a static initialiser, before libgcc's
  return __builtin_cpu_supports("avx2");
#else
  return false;  // another processor family: the baseline copy, compiled for it
#endif
}

}  // namespace mt19937_64_refill
}  // namespace delivsim
