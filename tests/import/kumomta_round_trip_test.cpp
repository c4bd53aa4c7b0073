// Round trip: a KumoMTA shaping file imported, run, and the run respects the imported limits.
#include <gtest/gtest.h>

#include "sim/scenario/scenario_loader.h"
#include "sim/world/run.h"
#include "tests/import/kumomta_test_support.h"

namespace delivsim {
namespace {

TEST(KumoRoundTrip, ImportedMessageRateHoldsInEveryHour) {
  const ImportedConfig config = test::import_text(R"(["default"]
max_message_rate = "1000/h"
["gmail.com"]
max_message_rate = "100/h"
connection_limit = 2
)");
  std::string text =
      test::scenario_text(config, "campaign: {recipients: 1500, at: 0h}, domains: {gmail.com: 1.0}");
  text.insert(text.size() - 1, ", duration: 1d");
  const Scenario scenario = parse_scenario(text, "kumo-round-trip.yaml");
  ASSERT_EQ(scenario.policy_for("gmail").max_smtp_out, 2);
  const RunResult result = run_scenario(scenario);
  const int column = result.timeseries.column_index("gmail.attempts");
  ASSERT_GE(column, 0);
  double total = 0;
  for (const auto& row : result.timeseries.rows) {
    EXPECT_LE(row.at(column), 100.0);  // one IP: at most 100 attempts an hour
    total += row.at(column);
  }
  // The limit binds: about 100 an hour for 15 hours (GCRA-free even spacing; allow the first hour's start).
  EXPECT_GE(total, 1400.0);
}

}  // namespace
}  // namespace delivsim
