// traffic: {replay: ...} run end to end: the log's messages injected at its times to its domains, nothing
// lost, a run's own accounting.csv replayed back, compare over a replay, and a bad log through the CLI.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "sim/output/accounting_csv.h"
#include "sim/output/summary_json.h"
#include "sim/scenario/replay_log.h"
#include "sim/scenario/scenario_loader.h"
#include "sim/world/run.h"
#include "sim/world/work_estimate.h"
#include "tests/cli_runner.h"

namespace delivsim {
namespace {

namespace fs = std::filesystem;

const std::string kScenarios = std::string(DELIVSIM_SOURCE_DIR) + "/scenarios/";
const std::string kLog = kScenarios + "data/last-week-accounting.csv";

/// A message as a run's accounting records show it: injected (queued) when, to which domain.
using Injection = std::pair<Duration, std::string>;

/// The messages of a run's accounting records, one per message id, sorted.
std::vector<Injection> injections_of(const RunResult& result) {
  std::map<std::int64_t, Injection> by_id;
  for (const AccountingRecord& record : result.accounting) {
    by_id.emplace(record.message_id, Injection{record.queued, result.recipient_domains.at(record.domain)});
  }
  std::vector<Injection> out;
  for (const auto& [id, injection] : by_id) out.push_back(injection);
  std::sort(out.begin(), out.end());
  return out;
}

/// A scenario beside `log_folder` replaying `log` (a path relative to it), `duration` long.
Scenario replay_scenario(const fs::path& log_folder, const std::string& log,
                         const std::string& replay_extra = "", const std::string& duration = "4d") {
  const std::string yaml = "name: replay\nseed: 5\nduration: " + duration +
                           "\naccounting: true\nidentities:\n  ips: [{address: 203.0.113.70}]\n"
                           "  domains: [{name: news.example.com}]\npools: {main: [203.0.113.70]}\n"
                           "traffic:\n  - name: lastweek\n    pool: main\n    dkim_domain: news.example.com\n"
                           "    replay: {log: " +
                           log + replay_extra + "}\n";
  return parse_scenario(yaml, (log_folder / "replay.yaml").string());
}

TEST(ReplayRun, InjectsExactlyTheLogsMessagesAtItsTimesToItsDomainsAndLosesNone) {
  std::ifstream in(kLog);
  const ReplayLog log = read_replay_log(in, std::nullopt, std::nullopt);
  ASSERT_GT(log.injections.size(), 500u);
  std::vector<Injection> expected;
  const Duration at = std::chrono::hours(2);
  for (const ReplayInjection& i : log.injections)
    expected.emplace_back(at + i.at, log.domains[i.domain].name);
  std::sort(expected.begin(), expected.end());

  const RunResult result =
      run_scenario(replay_scenario(kScenarios + "data", "last-week-accounting.csv", ", at: 2h"));
  EXPECT_EQ(result.totals.injected, static_cast<std::int64_t>(log.injections.size()));
  EXPECT_TRUE(result.totals.conserved());
  EXPECT_EQ(result.totals.queued_at_end, 0);  // so every message has accounting records
  EXPECT_EQ(injections_of(result), expected);
}

TEST(ReplayRun, ARunsOwnAccountingReplaysToTheSameMessagesTimesAndDomains) {
  const fs::path folder = fs::temp_directory_path() / "delivsim_replay_round_trip";
  fs::create_directories(folder);
  const RunResult source = run_scenario(load_scenario(kScenarios + "data/last-week-source.yaml"));
  {
    std::ofstream out(folder / "accounting.csv");
    write_accounting_csv(source, out);
  }
  const RunResult replayed = run_scenario(replay_scenario(folder, "accounting.csv"));
  fs::remove_all(folder);

  // The source's messages with a record, moved so its first lands at the start (the replay's `at: 0`).
  std::vector<Injection> expected = injections_of(source);
  ASSERT_FALSE(expected.empty());
  const Duration first = expected.front().first;
  for (Injection& i : expected) i.first -= first;
  EXPECT_EQ(replayed.totals.injected, static_cast<std::int64_t>(expected.size()));
  EXPECT_EQ(injections_of(replayed), expected);  // same count, times and domains
}

TEST(ReplayRun, RecipientsAreAnonymisedAndMailedAsOftenAsInTheLog) {
  const RunResult result = run_scenario(replay_scenario(kScenarios + "data", "last-week-accounting.csv"));
  std::ostringstream csv;
  write_accounting_csv(result, csv);
  EXPECT_EQ(csv.str().find(".news@"), std::string::npos);  // the log's addresses are u<n>.news@...
  EXPECT_NE(csv.str().find(".lastweek@gmail.com"), std::string::npos);
  // Same messages per recipient as the log (which delivsim wrote with one address per recipient index).
  std::map<std::int64_t, std::set<Duration>> messages_per_recipient;
  for (const AccountingRecord& r : result.accounting) messages_per_recipient[r.recipient].insert(r.queued);
  std::ifstream in(kLog);
  const ReplayLog log = read_replay_log(in, std::nullopt, std::nullopt);
  EXPECT_EQ(messages_per_recipient.size(), log.recipients);
  std::size_t mailed_more_than_once = 0;
  for (const auto& [recipient, times] : messages_per_recipient) mailed_more_than_once += times.size() > 1;
  EXPECT_GT(mailed_more_than_once, 50u);
}

TEST(ReplayRun, TheWorkEstimateCountsTheLogsMessagesAndHoldsThemAsRecipients) {
  const Scenario scenario = replay_scenario(kScenarios + "data", "last-week-accounting.csv");
  const ReplayLog& log = *scenario.traffic.at(0).replay->messages;
  const WorkEstimate estimate = estimate_work(scenario, false);
  const auto messages = static_cast<double>(log.injections.size());
  EXPECT_EQ(estimate.messages, messages);
  EXPECT_EQ(estimate.recipients, static_cast<double>(log.recipients) + messages);
  EXPECT_EQ(estimate.most_recipients.field, "traffic[0].replay.log");
  EXPECT_EQ(estimate.most_recipients.at.line, 13);  // the `log` key of replay_scenario's YAML
}

TEST(ReplayRun, SameLogAndSeedSameBytes) {
  const Scenario scenario = replay_scenario(kScenarios + "data", "last-week-accounting.csv");
  EXPECT_EQ(summary_json(run_scenario(scenario)), summary_json(run_scenario(scenario)));
}

fs::path fresh_dir(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() / ("delivsim_replay_cli_" + name);
  fs::remove_all(dir);
  return dir;
}

std::string file_text(const fs::path& path) {
  std::ifstream in(path);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

TEST(ReplayCli, CompareRunsLastWeekUnderEachPolicyTheSameOnAnyThreadCount) {
  const fs::path one = fresh_dir("compare1"), two = fresh_dir("compare2");
  const std::string scenario = kScenarios + "replay-last-week.yaml";
  const auto r1 = testing::run_delivsim("compare " + scenario + " -q -r 2 -j 1 --out " + one.string());
  ASSERT_EQ(r1.exit_code, 0) << r1.output;
  const auto r2 = testing::run_delivsim("compare " + scenario + " -q -r 2 -j 2 --out " + two.string());
  ASSERT_EQ(r2.exit_code, 0) << r2.output;
  const std::string csv = file_text(one / "compare.csv");
  EXPECT_EQ(csv, file_text(two / "compare.csv"));
  // The paced policy defers Gmail's share of the very same messages.
  EXPECT_NE(csv.find("paced,deferral_rate"), std::string::npos) << csv;
  fs::remove_all(one);
  fs::remove_all(two);
}

TEST(ReplayCli, ABadLogExitsTwoAtItsLineAndWritesNothing) {
  const fs::path dir = fresh_dir("bad");
  fs::create_directories(dir);
  std::ofstream(dir / "log.csv") << "type,timeLogged,timeQueued,rcpt\n"
                                    "d,2026-01-05T00:00:01Z,2026-01-05T00:00:00Z,a@gmail.com\n"
                                    "d,2026-01-05T00:00:01Z,\"unterminated,a@gmail.com\n";
  std::ofstream(dir / "s.yaml") << file_text(kScenarios + "replay-last-week.yaml");
  std::string yaml = file_text(dir / "s.yaml");
  yaml.replace(yaml.find("data/last-week-accounting.csv"),
               std::string("data/last-week-accounting.csv").size(), "log.csv");
  std::ofstream(dir / "s.yaml") << yaml;
  const fs::path out = dir / "out";
  for (const std::string command : {"validate ", "run ", "compare "}) {
    const auto r = testing::run_delivsim(command + (dir / "s.yaml").string() +
                                         (command == "validate " ? "" : " --out " + out.string()));
    EXPECT_EQ(r.exit_code, 2) << command << r.output;
    EXPECT_NE(r.output.find((dir / "log.csv").string() + ":3:"), std::string::npos) << r.output;
    EXPECT_FALSE(fs::exists(out));
  }
  fs::remove_all(dir);
}

}  // namespace
}  // namespace delivsim
