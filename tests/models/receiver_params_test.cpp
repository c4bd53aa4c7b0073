#include "models/receiver_params.h"

#include <gtest/gtest.h>

#include <type_traits>

namespace delivsim {
namespace {

TEST(ReceiverParamsTest, GenericTurnsOffThrottlingAndFaults) {
  const ReceiverParams generic = ReceiverParams::generic();
  EXPECT_FALSE(generic.quota_enabled);
  EXPECT_EQ(generic.max_connections_per_ip, 1000);
  EXPECT_EQ(generic.high_tier_defer_share, 0.0);
  EXPECT_EQ(generic.medium_tier_defer_share, 0.0);
  EXPECT_EQ(generic.low_tier_defer_share, 0.0);
  EXPECT_EQ(generic.bad_tier_defer_share, 0.0);
  EXPECT_EQ(generic.transient_fault_share, 0.0);
  EXPECT_FALSE(generic.auth_enforced);
  EXPECT_GE(generic.block_deferrals_per_hour, 1e18);
}

TEST(ReceiverParamsTest, GenericKeepsEverythingElseAtGmailDefaults) {
  ReceiverParams expected = ReceiverParams::gmail();
  expected.quota_enabled = false;
  expected.max_connections_per_ip = 1000;
  expected.high_tier_defer_share = 0.0;
  expected.medium_tier_defer_share = 0.0;
  expected.low_tier_defer_share = 0.0;
  expected.bad_tier_defer_share = 0.0;
  expected.transient_fault_share = 0.0;
  expected.auth_enforced = false;
  expected.block_deferrals_per_hour = ReceiverParams::generic().block_deferrals_per_hour;
  const ReceiverParams generic = ReceiverParams::generic();
  // Compare every visited field, so that a field added later is covered too: the visitor hands out
  // references into `expected`; the same offset in `generic` holds the same field.
  int fields = 0;
  visit_receiver_params(expected, [&](const ParamInfo& info, const auto& field) {
    using Field = std::remove_cvref_t<decltype(field)>;
    const auto offset = reinterpret_cast<const char*>(&field) - reinterpret_cast<const char*>(&expected);
    const Field& generic_field =
        *reinterpret_cast<const Field*>(reinterpret_cast<const char*>(&generic) + offset);
    EXPECT_TRUE(field == generic_field) << info.name;
    ++fields;
  });
  EXPECT_GT(fields, 50);
}

}  // namespace
}  // namespace delivsim
