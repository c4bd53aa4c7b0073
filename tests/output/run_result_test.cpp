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
}

}  // namespace
}  // namespace delivsim
