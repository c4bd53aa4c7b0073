#include "sim/yaml/did_you_mean.h"

#include <gtest/gtest.h>

namespace delivsim {
namespace {

struct DistanceCase {
  std::string a, b;
  std::size_t distance;
};

class EditDistanceTest : public ::testing::TestWithParam<DistanceCase> {};

TEST_P(EditDistanceTest, CountsEdits) {
  EXPECT_EQ(edit_distance(GetParam().a, GetParam().b), GetParam().distance);
}

INSTANTIATE_TEST_SUITE_P(Cases, EditDistanceTest,
                         ::testing::Values(DistanceCase{"", "", 0}, DistanceCase{"abc", "", 3},
                                           DistanceCase{"pool", "pool", 0}, DistanceCase{"pool", "poll", 1},
                                           DistanceCase{"traffic", "trafic", 1},
                                           DistanceCase{"sender", "sendre", 1},  // swap counts once
                                           DistanceCase{"kitten", "sitting", 3}));

struct HintCase {
  std::string word;
  std::string hint;
};

class ClosestNameTest : public ::testing::TestWithParam<HintCase> {};

TEST_P(ClosestNameTest, SuggestsTheClosestAllowedName) {
  const std::vector<std::string_view> keys{"max_smtp_out", "max_msg_rate", "max_conn_rate",
                                           "retry",        "retry_after",  "bounce_after"};
  EXPECT_EQ(closest_name(GetParam().word, keys), GetParam().hint);
}

INSTANTIATE_TEST_SUITE_P(Cases, ClosestNameTest,
                         ::testing::Values(HintCase{"max_smtp_outs", "max_smtp_out"},
                                           HintCase{"max_msg_rte", "max_msg_rate"},
                                           HintCase{"retyr", "retry"},
                                           HintCase{"retry_aft", "retry_after"},  // prefix
                                           HintCase{"bounce", "bounce_after"},    // prefix
                                           HintCase{"colour", ""}, HintCase{"", ""}));

}  // namespace
}  // namespace delivsim
