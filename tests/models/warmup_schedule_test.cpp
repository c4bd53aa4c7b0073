#include "models/warmup_schedule.h"

#include <gtest/gtest.h>

namespace delivsim {
namespace {

/// A day and the cap expected on it.
struct DayCap {
  int day;
  std::int64_t cap;
};

WarmupSchedule sendgrid_table() {
  // domain-facts section 4: SendGrid's automated warm-up caps for days 0-12, used here as a table.
  WarmupSchedule schedule;
  schedule.kind = WarmupSchedule::Kind::Table;
  schedule.table = {20, 28, 39, 55, 77, 108, 151, 211, 295, 413, 579, 810, 1000};
  return schedule;
}

WarmupSchedule doubling_rule() {
  // Seed 001: start with hundreds, double every few days.
  WarmupSchedule schedule;
  schedule.kind = WarmupSchedule::Kind::Rule;
  schedule.start = 500;
  schedule.multiplier = 2.0;
  schedule.every_days = 3;
  schedule.ceiling = 100000;
  return schedule;
}

class SendGridTableTest : public ::testing::TestWithParam<DayCap> {};

TEST_P(SendGridTableTest, CapOnDay) {
  EXPECT_EQ(daily_cap(sendgrid_table(), GetParam().day), GetParam().cap);
}

INSTANTIATE_TEST_SUITE_P(Days, SendGridTableTest,
                         ::testing::Values(DayCap{0, 20}, DayCap{1, 28}, DayCap{5, 108}, DayCap{11, 810},
                                           DayCap{12, 1000}, DayCap{13, 1000}, DayCap{365, 1000}));

class DoublingRuleTest : public ::testing::TestWithParam<DayCap> {};

TEST_P(DoublingRuleTest, CapOnDay) {
  EXPECT_EQ(daily_cap(doubling_rule(), GetParam().day), GetParam().cap);
}

INSTANTIATE_TEST_SUITE_P(Days, DoublingRuleTest,
                         ::testing::Values(DayCap{0, 500}, DayCap{2, 500}, DayCap{3, 1000}, DayCap{6, 2000},
                                           DayCap{20, 32000}, DayCap{21, 64000}, DayCap{24, 100000},
                                           DayCap{1000000, 100000}));

TEST(WarmupScheduleTest, FractionalMultiplierRoundsToWholeMessages) {
  // Mailtrap-style +30%/day from 300: 300, 390, 507, 659.1, 856.83.
  WarmupSchedule schedule;
  schedule.kind = WarmupSchedule::Kind::Rule;
  schedule.start = 300;
  schedule.multiplier = 1.3;
  schedule.every_days = 1;
  schedule.ceiling = 1000000;
  EXPECT_EQ(daily_cap(schedule, 2), 507);
  EXPECT_EQ(daily_cap(schedule, 3), 659);
  EXPECT_EQ(daily_cap(schedule, 4), 857);
}

TEST(WarmupScheduleTest, NoneAndEmptyTableSetNoCap) {
  EXPECT_EQ(daily_cap(WarmupSchedule{}, 0), std::nullopt);
  WarmupSchedule empty_table;
  empty_table.kind = WarmupSchedule::Kind::Table;
  EXPECT_EQ(daily_cap(empty_table, 3), std::nullopt);
}

}  // namespace
}  // namespace delivsim
