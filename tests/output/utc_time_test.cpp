#include "sim/output/utc_time.h"

#include <gtest/gtest.h>

namespace delivsim {
namespace {

using std::chrono::hours;
using std::chrono::milliseconds;

TEST(UtcTime, ParsesToTheUnixEpochOffset) {
  EXPECT_EQ(parse_utc_timestamp("1970-01-01T00:00:00Z").time_since_epoch(), milliseconds(0));
  // 2026-01-05 is day 20458 since the epoch.
  EXPECT_EQ(parse_utc_timestamp("2026-01-05T01:02:03Z").time_since_epoch(),
            hours(24 * 20458) + hours(1) + std::chrono::minutes(2) + std::chrono::seconds(3));
}

TEST(UtcTime, FormatsWithMillisecondsAcrossDayMonthAndLeapDayBoundaries) {
  const UtcTime start = parse_utc_timestamp("2026-01-05T00:00:00Z");
  EXPECT_EQ(format_utc_timestamp_ms(start + milliseconds(900250)), "2026-01-05T00:15:00.250Z");
  EXPECT_EQ(format_utc_timestamp_ms(start + hours(24) - milliseconds(1)), "2026-01-05T23:59:59.999Z");
  EXPECT_EQ(format_utc_timestamp_ms(start + hours(24 * 27)), "2026-02-01T00:00:00.000Z");
  EXPECT_EQ(format_utc_timestamp_ms(parse_utc_timestamp("2028-02-28T23:00:00Z") + hours(1)),
            "2028-02-29T00:00:00.000Z");
  EXPECT_EQ(format_utc_timestamp_ms(parse_utc_timestamp("2026-12-31T23:59:59Z") + milliseconds(1000)),
            "2027-01-01T00:00:00.000Z");
}

class MalformedTimestamp : public ::testing::TestWithParam<std::string> {};

TEST_P(MalformedTimestamp, IsRejectedWithTheTextInTheMessage) {
  try {
    parse_utc_timestamp(GetParam());
    FAIL() << "accepted " << GetParam();
  } catch (const std::invalid_argument& error) {
    EXPECT_NE(std::string(error.what()).find("'" + GetParam() + "'"), std::string::npos) << error.what();
  }
}

INSTANTIATE_TEST_SUITE_P(Texts, MalformedTimestamp,
                         ::testing::Values("", "2026-01-05", "2026-01-05 00:00:00Z", "2026-01-05T00:00:00",
                                           "2026-01-05T00:00:00+01:00", "2026-02-30T00:00:00Z",
                                           "2026-13-01T00:00:00Z", "2026-01-05T24:00:00Z",
                                           "2026-01-05T00:60:00Z", "2026-01-05T00:00:60Z",
                                           "2026-0a-05T00:00:00Z"));

}  // namespace
}  // namespace delivsim
