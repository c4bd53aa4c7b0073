#include "sim/output/run_result.h"

#include <gtest/gtest.h>

#include "sample_run_result.h"

namespace delivsim {
namespace {

TEST(Timeseries, FindsAColumnByName) {
  const Timeseries series = sample_run_result().timeseries;
  EXPECT_EQ(series.column_index("t_s"), 0);
  EXPECT_EQ(series.column_index("tier_ip_203.0.113.10_gmail"), 3);
  EXPECT_EQ(series.column_index("no_such_column"), -1);
  EXPECT_EQ(Timeseries{}.column_index("t_s"), -1);
}

TEST(MessageCounts, RatiosAreZeroWhenTheirDenominatorIs) {
  EXPECT_EQ(MessageCounts{}.deferral_rate(), 0.0);
  EXPECT_EQ(MessageCounts{}.delivered_share(), 0.0);
  const MessageCounts totals = sample_run_result().totals;
  EXPECT_DOUBLE_EQ(totals.deferral_rate(), 415.0 / 2020.0);
  EXPECT_DOUBLE_EQ(totals.delivered_share(), 1395.0 / 1500.0);
  EXPECT_EQ(MessageCounts{}.inbox_share(), 0.0);
  EXPECT_EQ(TrafficResult{}.inbox_share(), 0.0);
  EXPECT_DOUBLE_EQ(totals.inbox_share(), 1210.0 / 1395.0);
}

TEST(MessageCounts, SpamFolderIsDeliveredOutsideTheInbox) {
  const RunResult sample = sample_run_result();
  EXPECT_EQ(sample.totals.delivered_spam(), 1395 - 1210);
  EXPECT_EQ(sample.traffic[0].delivered_spam(), 1100 - 915);
  EXPECT_DOUBLE_EQ(sample.traffic[0].inbox_share(), 915.0 / 1100.0);
  EXPECT_EQ(sample.traffic[1].delivered_spam(), 0);
}

}  // namespace
}  // namespace delivsim
