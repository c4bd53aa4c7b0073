#include "sim/output/drain_state.h"

#include <gtest/gtest.h>

#include "sim/output/headline.h"
#include "sim/output/summary_table.h"

namespace delivsim {
namespace {

/// One provider, "stream", still injecting at the end: `queued` messages queued, and in the time series'
/// last hour `delivered` delivered and `bounced` bounced.
RunResult stream_run(std::int64_t queued, double delivered, double bounced) {
  RunResult result;
  ProviderResult stream;
  stream.name = "stream";
  stream.counts = {.injected = 100'000,
                   .delivered = 100'000 - queued,
                   .queued_at_end = queued,
                   .attempts = 100'000 - queued};
  result.providers = {stream};
  result.totals = stream.counts;
  result.timeseries.columns = {{"t_s"}, {"stream.queue"}, {"stream.delivered"}, {"stream.bounced"}};
  result.timeseries.rows = {{0, 9'000, 1, 0}, {3600, static_cast<double>(queued), delivered, bounced}};
  return result;
}

TEST(DrainState, ASmallQueueOfAStreamIsASteadyState) {
  const RunResult result = stream_run(11, 4'000, 0);
  EXPECT_EQ(drain_state(result, 0), DrainState::SteadyState);
  EXPECT_EQ(finished_in_last_interval(result, 0), 4'000);
  const Headline headline = headline_of(result);
  EXPECT_FALSE(headline.time_to_drain_s.has_value());
  EXPECT_TRUE(headline.steady_state);
}

TEST(DrainState, AQueueLongerThanOneIntervalsPaceIsPilingUp) {
  const RunResult result = stream_run(4'001, 4'000, 0);
  EXPECT_EQ(drain_state(result, 0), DrainState::PilingUp);
  EXPECT_FALSE(headline_of(result).steady_state);
}

TEST(DrainState, BouncesCountAsFinished) {
  const RunResult result = stream_run(4'500, 4'000, 500);
  EXPECT_EQ(finished_in_last_interval(result, 0), 4'500);
  EXPECT_EQ(drain_state(result, 0), DrainState::SteadyState);
}

TEST(DrainState, WithoutATimeSeriesANonEmptyQueueIsPilingUp) {
  RunResult result = stream_run(11, 4'000, 0);
  result.timeseries = Timeseries{};
  EXPECT_EQ(drain_state(result, 0), DrainState::PilingUp);
  EXPECT_EQ(finished_in_last_interval(result, 0), 0);
}

TEST(DrainState, ADrainedProviderOrOneWithoutMailIsDrained) {
  RunResult result = stream_run(0, 0, 0);
  result.providers[0].time_to_drain_s = 7'200;
  EXPECT_EQ(drain_state(result, 0), DrainState::Drained);
  EXPECT_FALSE(headline_of(result).steady_state) << "steady_state speaks only of runs that did not drain";
  result.providers[0].time_to_drain_s.reset();
  result.providers[0].counts.injected = 0;
  EXPECT_EQ(drain_state(result, 0), DrainState::Drained);
}

TEST(DrainState, OnePilingProviderMakesTheRunNotSteady) {
  RunResult result = stream_run(11, 4'000, 0);
  ProviderResult piling = result.providers[0];
  piling.name = "piling";
  piling.counts.queued_at_end = 50'000;
  result.providers.push_back(piling);
  result.timeseries.columns.push_back({"piling.delivered"});
  for (std::vector<double>& row : result.timeseries.rows) row.push_back(100);
  EXPECT_EQ(drain_state(result, 1), DrainState::PilingUp);
  EXPECT_FALSE(headline_of(result).steady_state);
}

TEST(DrainState, TheCliSummarySaysSteadyStateOrNotDrained) {
  EXPECT_NE(format_summary_table(stream_run(11, 4'000, 0)).find("steady state"), std::string::npos);
  const std::string piling = format_summary_table(stream_run(9'000, 4'000, 0));
  EXPECT_EQ(piling.find("steady state"), std::string::npos);
  EXPECT_NE(piling.find("not drained"), std::string::npos);
}

TEST(DrainState, DrainTextNamesEachCase) {
  RunResult result = stream_run(11, 4'000, 0);
  EXPECT_EQ(drain_text(result, 0), "steady state");
  result.providers[0].counts.queued_at_end = 9'000;
  EXPECT_EQ(drain_text(result, 0), "not drained");
  result.providers[0].time_to_drain_s = 7'200;
  EXPECT_EQ(drain_text(result, 0), "2h 0m");
  result.providers[0].time_to_drain_s.reset();
  result.providers[0].counts = {};
  EXPECT_EQ(drain_text(result, 0), "no mail") << "a provider that got no mail did not fail to drain";
}

}  // namespace
}  // namespace delivsim
