#pragma once
/// @file MersenneTwister64's refill, one copy per instruction set (the widest the processor runs is used),
/// declared apart so tests can run each.
#include <cstddef>
#include <cstdint>

namespace delivsim::mt19937_64_refill {

inline constexpr std::size_t kStateWords = 312;  ///< n
inline constexpr std::size_t kShift = 156;       ///< m

/// Twists `state` (kStateWords words) once and tempers it into `outputs` (as many), two words at a time
/// on x86-64 (SSE2, which every such processor has).
void baseline(std::uint64_t* state, std::uint64_t* outputs);

/// The same, four words at a time; only where avx2_supported().
void avx2(std::uint64_t* state, std::uint64_t* outputs);

/// Whether this processor runs avx2().
bool avx2_supported();

}  // namespace delivsim::mt19937_64_refill
