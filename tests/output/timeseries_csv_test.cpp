#include "sim/output/timeseries_csv.h"

#include <gtest/gtest.h>

#include <cmath>
#include <sstream>

#include "sample_run_result.h"

namespace delivsim {
namespace {

std::string timeseries_text(const Timeseries& series) {
  std::ostringstream out;
  write_timeseries_csv(series, out);
  return out.str();
}

TEST(TimeseriesCsv, WritesCountsRatiosAndTierNames) {
  EXPECT_EQ(timeseries_text(sample_run_result().timeseries),
            "t_s,attempts_gmail,deferral_share_gmail,tier_ip_203.0.113.10_gmail\n"
            "0,120,0.123457,MEDIUM\n"
            "3600,130.5,0.2,LOW\n"
            "7200,0,0,HIGH\n");
}

TEST(TimeseriesCsv, WritesLargeIntegralCountsWithoutExponent) {
  Timeseries series;
  series.columns = {{"t_s", SeriesColumn::Kind::Count}, {"tier", SeriesColumn::Kind::Tier}};
  series.rows = {{1209600000, static_cast<int>(Tier::Bad)}};
  EXPECT_EQ(timeseries_text(series), "t_s,tier\n1209600000,BAD\n");
}

TEST(TimeseriesCsv, QuotesAColumnNameWithAComma) {
  Timeseries series;
  series.columns = {{"t_s"}, {"a,b", SeriesColumn::Kind::Ratio}};
  EXPECT_EQ(timeseries_text(series), "t_s,\"a,b\"\n");
}

TEST(TimeseriesCsv, RejectsARowWithTheWrongNumberOfCells) {
  Timeseries series = sample_run_result().timeseries;
  series.rows[1].pop_back();
  EXPECT_THROW(timeseries_text(series), std::invalid_argument);
}

class NotATier : public ::testing::TestWithParam<double> {};

TEST_P(NotATier, IsRejectedInATierColumn) {
  Timeseries series = sample_run_result().timeseries;
  series.rows[2][3] = GetParam();
  EXPECT_THROW(timeseries_text(series), std::invalid_argument);
}

INSTANTIATE_TEST_SUITE_P(Values, NotATier, ::testing::Values(-1.0, 4.0, 1.5, std::nan("")));

}  // namespace
}  // namespace delivsim
