// MersenneTwister64 is boost::random::mt19937_64 draw for draw: from any seed, across many refills of its
// outputs, through Boost's distributions, and after a copy; its refill's copies for each instruction set
// agree.
#include "models/mersenne_twister.h"
#include "models/mersenne_twister_refill.h"

#include <gtest/gtest.h>

#include <array>
#include <boost/random/mersenne_twister.hpp>
#include <boost/random/normal_distribution.hpp>
#include <boost/random/uniform_int_distribution.hpp>
#include <cstdint>
#include <limits>

namespace delivsim {
namespace {

TEST(MersenneTwisterTest, SameDrawsAsBoostFromAnySeed) {
  constexpr std::uint64_t kMax = std::numeric_limits<std::uint64_t>::max();
  const std::uint64_t seeds[] = {
      0, 1, 42, 5489, std::uint64_t{1} << 63, kMax, 0x9e3779b97f4a7c15, 3649775885015655611};
  for (const std::uint64_t seed : seeds) {
    MersenneTwister64 ours(seed);
    boost::random::mt19937_64 boosts(seed);
    for (int i = 0; i < 2000; ++i) ASSERT_EQ(ours(), boosts()) << "seed " << seed << ", draw " << i;
  }
}

TEST(MersenneTwisterTest, SameDrawsAsBoostOverAMillionDraws) {
  MersenneTwister64 ours(2026);
  boost::random::mt19937_64 boosts(2026);
  for (int i = 0; i < 1'000'000; ++i) ASSERT_EQ(ours(), boosts()) << "draw " << i;
}

TEST(MersenneTwisterTest, DefaultSeedIsBoosts) {
  MersenneTwister64 ours;
  boost::random::mt19937_64 boosts;
  for (int i = 0; i < 700; ++i) ASSERT_EQ(ours(), boosts()) << "draw " << i;
}

TEST(MersenneTwisterTest, BoostDistributionsDrawTheSame) {
  MersenneTwister64 ours(7);
  boost::random::mt19937_64 boosts(7);
  boost::random::normal_distribution<double> normal(3.0, 0.5);
  boost::random::uniform_int_distribution<int> die(1, 6);
  for (int i = 0; i < 10'000; ++i) {
    ASSERT_EQ(normal(ours), normal(boosts)) << "draw " << i;
    ASSERT_EQ(die(ours), die(boosts)) << "draw " << i;
  }
}

TEST(MersenneTwisterTest, ACopyDrawsOnFromWhereItWasTaken) {
  MersenneTwister64 engine(11);
  for (int i = 0; i < 500; ++i) engine();  // past one refill, inside the second
  MersenneTwister64 copy = engine;
  EXPECT_EQ(copy, engine);
  for (int i = 0; i < 1000; ++i) ASSERT_EQ(copy(), engine()) << "draw " << i;
  engine();
  EXPECT_NE(copy, engine);
}

// The engine runs the widest refill this processor has; each copy must give the same words, round after
// round.
TEST(MersenneTwisterTest, EveryRefillCopyTwistsAlike) {
  if (!mt19937_64_refill::avx2_supported()) GTEST_SKIP() << "no AVX2 here: only the baseline copy runs";
  using Words = std::array<std::uint64_t, mt19937_64_refill::kStateWords>;
  Words state_a{}, state_b{}, outputs_a{}, outputs_b{};
  for (std::size_t i = 0; i < state_a.size(); ++i) state_a[i] = 0x9e3779b97f4a7c15ULL * (i + 1) ^ (i << 40);
  state_b = state_a;
  for (int round = 0; round < 50; ++round) {
    mt19937_64_refill::baseline(state_a.data(), outputs_a.data());
    mt19937_64_refill::avx2(state_b.data(), outputs_b.data());
    ASSERT_EQ(state_a, state_b) << "round " << round;
    ASSERT_EQ(outputs_a, outputs_b) << "round " << round;
  }
}

}  // namespace
}  // namespace delivsim
