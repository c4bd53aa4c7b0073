#include "models/tier.h"

#include <gtest/gtest.h>

namespace delivsim {
namespace {

class TierNameTest : public ::testing::TestWithParam<std::pair<Tier, std::string_view>> {};

TEST_P(TierNameTest, NameAndParseAreInverse) {
  const auto [tier, name] = GetParam();
  EXPECT_EQ(tier_name(tier), name);
  EXPECT_EQ(parse_tier(name), tier);
}

INSTANTIATE_TEST_SUITE_P(AllTiers, TierNameTest,
                         ::testing::Values(std::pair{Tier::Bad, std::string_view("BAD")},
                                           std::pair{Tier::Low, std::string_view("LOW")},
                                           std::pair{Tier::Medium, std::string_view("MEDIUM")},
                                           std::pair{Tier::High, std::string_view("HIGH")}));

TEST(TierTest, ParseRejectsOtherSpellings) {
  EXPECT_EQ(parse_tier("high"), std::nullopt);
  EXPECT_EQ(parse_tier(""), std::nullopt);
  EXPECT_EQ(parse_tier("GOOD"), std::nullopt);
}

TEST(TierTest, OrderedWorstToBest) {
  EXPECT_LT(Tier::Bad, Tier::Low);
  EXPECT_LT(Tier::Low, Tier::Medium);
  EXPECT_LT(Tier::Medium, Tier::High);
}

}  // namespace
}  // namespace delivsim
