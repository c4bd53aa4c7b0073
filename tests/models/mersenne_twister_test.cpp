// MersenneTwister64 is boost::random::mt19937_64 draw for draw: from any seed, across many refills of its
// outputs, through Boost's distributions, and after a copy.
#include "models/mersenne_twister.h"

#include <gtest/gtest.h>

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

}  // namespace
}  // namespace delivsim
