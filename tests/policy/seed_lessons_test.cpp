// Policy regression tests: shipped scenarios whose shaping a closed form pins. The seeds' lessons themselves,
// with their mechanisms and robustness, are the validation suite's (tests/validation, docs/validation.md).
#include <gtest/gtest.h>

#include "tests/scenario_fixture.h"

namespace delivsim {
namespace {

using testing::provider;
using testing::run_shipped;

// Seed 000: max-msg-rate 500/h means Gmail never gets more than 500 messages in any hour.
TEST(SeedLessons, PowerMtaSeedBlockNeverSendsMoreThan500AnHourToGmail) {
  const RunResult result = run_shipped("pmta-seed-gmail");
  ASSERT_EQ(result.timeseries.interval, kHour);
  const int attempts = result.timeseries.column_index("gmail.attempts");
  ASSERT_GE(attempts, 0);
  double busiest = 0;
  for (const auto& row : result.timeseries.rows) busiest = std::max(busiest, row[attempts]);
  EXPECT_LE(busiest, 500.0);
  EXPECT_GE(busiest, 450.0);  // the limit is actually used
  EXPECT_EQ(provider(result, "gmail").counts.delivered + provider(result, "gmail").counts.bounced, 20000);
}

}  // namespace
}  // namespace delivsim
