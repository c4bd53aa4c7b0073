#include "models/random.h"

#include <gtest/gtest.h>

#include <boost/random/mersenne_twister.hpp>
#include <boost/random/uniform_01.hpp>
#include <cstdint>
#include <limits>

namespace delivsim {
namespace {

// The branch-free fraction rounds as the direct conversion does, at the edges where rounding decides:
// ties to even above 2^53, the top bit set, and the largest values that round up to 2^64.
TEST(RandomTest, UnitFractionRoundsAsTheDirectConversion) {
  constexpr std::uint64_t kMax = std::numeric_limits<std::uint64_t>::max();
  const std::uint64_t edges[] = {0,
                                 1,
                                 0xffff'ffffU,
                                 0x1'0000'0000U,
                                 (std::uint64_t{1} << 53) + 1,  // a tie at 2^53: rounds to even
                                 (std::uint64_t{1} << 53) + 3,
                                 (std::uint64_t{1} << 63) - 1,
                                 std::uint64_t{1} << 63,
                                 (std::uint64_t{1} << 63) + 0x400,  // a tie above 2^63
                                 (std::uint64_t{1} << 63) + 0xc00,
                                 (std::uint64_t{1} << 63) + 0x401,
                                 kMax - 0x400,  // the largest value that rounds down, below 2^64
                                 kMax - 0x3ff,  // the tie just below 2^64: rounds up to it
                                 kMax};
  for (const std::uint64_t bits : edges) {
    EXPECT_EQ(unit_fraction_of(bits), static_cast<double>(bits) * 0x1p-64) << std::hex << bits;
  }
  EXPECT_EQ(unit_fraction_of(kMax), 1.0);  // so uniform_01 draws again
  EXPECT_LT(unit_fraction_of(kMax - 0x400), 1.0);
}

// Boost's uniform_01 and ours take the same draws from the same engine and give the same doubles.
TEST(RandomTest, Uniform01MatchesBoostDrawForDraw) {
  RandomEngine ours(2026);
  boost::random::mt19937_64 boosts(2026);
  boost::random::uniform_01<double> reference;
  for (int i = 0; i < 1'000'000; ++i) {
    const double expected = reference(boosts);
    ASSERT_EQ(uniform_01(ours), expected) << "draw " << i;
  }
  EXPECT_EQ(ours(), boosts());  // neither took an extra draw
}

}  // namespace
}  // namespace delivsim
