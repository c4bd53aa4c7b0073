// Round trip: a KumoMTA shaping file imported, run, and the run respects the imported limits.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <vector>

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

TEST(KumoRoundTrip, TheAccountingLogShowsKumosDoublingRetryPerMessage) {
  // KumoMTA's defaults (sender.mta: kumomta, retry_interval 20 minutes doubling): a new IP's Gmail quota
  // defers much of a 5,000 message campaign, and every deferred message is tried again no sooner than 20,
  // 40, 80 ... minutes (less KumoMTA's 30 s jitter) after each of its deferrals.
  const ImportedConfig config = test::import_text("[\"gmail.com\"]\nconnection_limit = 5\n");
  std::string text =
      test::scenario_text(config, "campaign: {recipients: 5000, at: 0h}, domains: {gmail.com: 1.0}");
  text.insert(text.size() - 1, ", duration: 1d, accounting: true");
  const Scenario scenario = parse_scenario(text, "kumo-retry-round-trip.yaml");
  ASSERT_EQ(scenario.sender_defaults.mta, SenderMta::KumoMta);
  const RunResult result = run_scenario(scenario);
  std::map<std::int64_t, std::vector<Duration>> attempts;  // per message: its attempts' reply times
  for (const AccountingRecord& record : result.accounting)
    if (record.reply_kind != ReplyKind::Expired) attempts[record.message_id].push_back(record.logged);
  int third_retries = 0;
  for (auto& [message, times] : attempts) {
    std::sort(times.begin(), times.end());
    for (std::size_t k = 1; k < times.size(); ++k) {
      const Duration doubled = std::chrono::minutes(20) * (1 << std::min<std::size_t>(k - 1, 20));
      EXPECT_GE(times[k] - times[k - 1], doubled - std::chrono::seconds(30)) << "message " << message;
    }
    if (times.size() >= 4) ++third_retries;
  }
  EXPECT_GT(third_retries, 0);  // the doubling is exercised beyond its first steps
}

}  // namespace
}  // namespace delivsim
