// The run tables' placement and latency columns: inbox share beside the deferral rate, and mean, p50, p95,
// p99 and max latency, per provider and per traffic source.
#include "sim/report/run_tables.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace delivsim::report {
namespace {

RunResult placed_run() {
  RunResult run;
  ProviderResult gmail;
  gmail.name = "gmail";
  gmail.counts = {.injected = 100, .delivered = 80, .queued_at_end = 20, .delivered_inbox = 60};
  gmail.latency = {.mean_s = 90, .p50_s = 30, .p95_s = 600, .p99_s = 3600, .max_s = 7200};
  run.providers = {gmail};
  run.totals = gmail.counts;
  run.traffic = {{"news",
                  "marketing",
                  100,
                  80,
                  20,
                  {.mean_s = 45, .p50_s = 5, .p95_s = 60, .p99_s = 120, .max_s = 150}}};
  return run;
}

/// The text of column `heading` in row `row` of `table`.
std::string cell(const HtmlTable& table, std::size_t row, const std::string& heading) {
  const auto column = std::find(table.header.begin(), table.header.end(), heading);
  if (column == table.header.end()) return "no column " + heading;
  return table.rows.at(row).at(static_cast<std::size_t>(column - table.header.begin())).text;
}

TEST(RunTables, ProviderRowsShowTheInboxShareAndEveryLatencyFigure) {
  const HtmlTable table = provider_table(placed_run());
  ASSERT_EQ(table.rows.size(), 2u);
  for (const HtmlCell& row_cell : table.rows[0]) EXPECT_FALSE(row_cell.text.empty());
  EXPECT_EQ(cell(table, 0, "inbox share"), "75.0%");
  EXPECT_EQ(cell(table, 1, "inbox share"), "75.0%") << "the TOTAL row";
  EXPECT_EQ(cell(table, 0, "mean latency"), "1m 30s");
  EXPECT_EQ(cell(table, 0, "p50 latency"), "30s");
  EXPECT_EQ(cell(table, 0, "p95 latency"), "10m 0s");
  EXPECT_EQ(cell(table, 0, "p99 latency"), "1h 0m");
  EXPECT_EQ(cell(table, 0, "max latency"), "2h 0m");
  EXPECT_EQ(cell(table, 1, "mean latency"), "") << "latency is per provider only";
}

TEST(RunTables, TheDrainCellSaysWhatTheCliSummarySays) {
  RunResult run = placed_run();
  run.timeseries.columns = {{"t_s"}, {"gmail.delivered"}};
  run.timeseries.rows = {{3600, 30}};  // 20 queued at the end, 30 delivered in the last hour: a steady stream
  ProviderResult idle;
  idle.name = "idle";
  run.providers.push_back(idle);
  const HtmlTable table = provider_table(run);
  EXPECT_EQ(cell(table, 0, "time to drain"), "steady state");
  EXPECT_EQ(cell(table, 1, "time to drain"), "no mail");
}

TEST(RunTables, TrafficRowsShowTheInboxShareAndEveryLatencyFigure) {
  const HtmlTable table = traffic_table(placed_run());
  ASSERT_EQ(table.rows.size(), 1u);
  EXPECT_EQ(table.rows[0].size(), table.header.size());
  EXPECT_EQ(cell(table, 0, "inbox share"), "25.0%");
  EXPECT_EQ(cell(table, 0, "mean latency"), "45s");
  EXPECT_EQ(cell(table, 0, "p99 latency"), "2m 0s");
  EXPECT_EQ(cell(table, 0, "max latency"), "2m 30s");
}

TEST(RunTables, NothingDeliveredOrAttemptedShowsDashesNotZeros) {
  RunResult run = placed_run();
  run.providers[0].counts.attempts = 90;
  ProviderResult idle;
  idle.name = "idle";
  run.providers.push_back(idle);
  run.traffic.push_back({"stuck", "marketing", 10, 0, 0, {}});
  const HtmlTable providers = provider_table(run);
  for (const char* heading : {"deferral rate", "inbox share", "mean latency", "p50 latency", "p95 latency",
                              "p99 latency", "max latency"}) {
    EXPECT_EQ(cell(providers, 1, heading), "\u2014") << heading;
    EXPECT_NE(cell(providers, 0, heading), "\u2014") << heading;
  }
  const HtmlTable traffic = traffic_table(run);
  EXPECT_EQ(cell(traffic, 1, "inbox share"), "\u2014");
  EXPECT_EQ(cell(traffic, 1, "max latency"), "\u2014");
}

}  // namespace
}  // namespace delivsim::report
