// traffic: {replay: ...}: an accounting log read into injections (dedupe, offsets, anonymised recipients,
// from/until, errors at the log's line) and the scenario keys around it.
#include "sim/scenario/replay_log.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>

#include "sim/acctlog/accounting_log_error.h"
#include "sim/scenario/scenario_loader.h"
#include "sim/yaml/scenario_error.h"
#include "tests/test_id.h"

namespace delivsim {
namespace {

const std::string kHeader = "type,timeLogged,timeQueued,rcpt,dsnStatus\n";

ReplayLog read(const std::string& text, std::optional<std::int64_t> from_ms = std::nullopt,
               std::optional<std::int64_t> until_ms = std::nullopt) {
  std::istringstream in(text);
  return read_replay_log(in, from_ms, until_ms);
}

constexpr std::int64_t kJan5 = 1767571200000;  // 2026-01-05T00:00:00Z in Unix ms

TEST(ReplayLog, AMessageIsADistinctRecipientAndQueueTimeOverItsAttempts) {
  const ReplayLog log = read(kHeader +
                             "t,2026-01-05T00:10:00Z,2026-01-05T00:00:00Z,a@gmail.com,4.7.28\n"
                             "t,2026-01-05T00:20:00Z,2026-01-05T00:00:00Z,a@gmail.com,4.7.28\n"
                             "d,2026-01-05T00:30:00Z,2026-01-05T00:00:00Z,a@gmail.com,2.0.0\n"
                             "d,2026-01-05T01:00:01Z,2026-01-05T01:00:00Z,a@gmail.com,2.0.0\n"
                             "b,2026-01-05T00:05:00Z,2026-01-05T00:05:00Z,b@example.org,5.1.1\n");
  ASSERT_EQ(log.injections.size(), 3u);
  EXPECT_EQ(log.recipients, 2u);
  ASSERT_EQ(log.domains.size(), 2u);
  EXPECT_EQ(log.domains[0].name, "gmail.com");
  EXPECT_EQ(log.domains[0].messages, 2);
  EXPECT_EQ(log.domains[1].name, "example.org");
  EXPECT_EQ(log.domains[1].messages, 1);
  // By time, from the first: a at 0, b at 5 min, a again at 1 h.
  EXPECT_EQ(log.injections[0].at, Duration(0));
  EXPECT_EQ(log.injections[1].at, std::chrono::minutes(5));
  EXPECT_EQ(log.injections[2].at, std::chrono::hours(1));
  EXPECT_EQ(log.injections[0].recipient, log.injections[2].recipient);  // one person, mailed twice
  EXPECT_NE(log.injections[0].recipient, log.injections[1].recipient);
  EXPECT_EQ(log.injections[1].domain, 1);
  EXPECT_EQ(log.records_without_queued, 0);
}

TEST(ReplayLog, TimesAreOffsetFromTheEarliestMessageNotTheFirstLine) {
  const ReplayLog log = read(kHeader +
                             "d,2026-01-05T03:00:01Z,2026-01-05T03:00:00Z,a@gmail.com,2.0.0\n"
                             "d,2026-01-05T01:00:01Z,2026-01-05T01:00:00.250Z,b@gmail.com,2.0.0\n");
  ASSERT_EQ(log.injections.size(), 2u);
  EXPECT_EQ(log.injections[0].at, Duration(0));
  EXPECT_EQ(log.injections[1].at, std::chrono::hours(2) - Duration(250));
  EXPECT_EQ(log.injections[0].recipient, 1u);  // b, the second address read
  EXPECT_EQ(log.last_line, 2);
}

TEST(ReplayLog, RecipientsAreTheSameAddressWhateverItsCaseAndOtherTypesAreSkipped) {
  const ReplayLog log = read(kHeader +
                             "d,2026-01-05T00:00:01Z,2026-01-05T00:00:00Z,Ann@Gmail.com,2.0.0\n"
                             "r,,,,\n"
                             "d,2026-01-05T00:01:01Z,2026-01-05T00:01:00Z,ann@gmail.com,2.0.0\n");
  ASSERT_EQ(log.injections.size(), 2u);
  EXPECT_EQ(log.recipients, 1u);
  EXPECT_EQ(log.domains.size(), 1u);
}

TEST(ReplayLog, RecordsWithoutTimeQueuedAreInjectedAtTheirTimeLoggedAndCounted) {
  const ReplayLog log = read(
      "type,timeLogged,rcpt\n"
      "t,2026-01-05T00:00:00Z,a@gmail.com\n"
      "d,2026-01-05T00:10:00Z,a@gmail.com\n");
  ASSERT_EQ(log.injections.size(), 2u);  // without timeQueued each record is its own message
  EXPECT_EQ(log.injections[1].at, std::chrono::minutes(10));
  EXPECT_EQ(log.records_without_queued, 2);
  EXPECT_EQ(log.first_line_without_queued, 2);
}

TEST(ReplayLog, FromAndUntilSelectMessagesByQueueTimeHalfOpen) {
  const std::string text = kHeader +
                           "d,2026-01-05T00:00:01Z,2026-01-05T00:00:00Z,a@gmail.com,2.0.0\n"
                           "d,2026-01-05T01:00:01Z,2026-01-05T01:00:00Z,b@gmail.com,2.0.0\n"
                           "d,2026-01-05T02:00:01Z,2026-01-05T02:00:00Z,c@gmail.com,2.0.0\n";
  const ReplayLog log = read(text, kJan5 + 3600000, kJan5 + 2 * 3600000);
  ASSERT_EQ(log.injections.size(), 1u);
  EXPECT_EQ(log.injections[0].at, Duration(0));  // b, now the first
  EXPECT_EQ(log.recipients, 1u);
  EXPECT_TRUE(read(text, kJan5 + 3 * 3600000).injections.empty());
}

TEST(ReplayLog, AMalformedRecordIsAnErrorAtItsLineAndField) {
  try {
    read(kHeader +
         "d,2026-01-05T00:00:01Z,2026-01-05T00:00:00Z,a@gmail.com,2.0.0\n"
         "d,2026-01-05T00:00:01Z,2026-01-05T00:00:00Z,nobody,2.0.0\n");
    FAIL() << "no error";
  } catch (const acctlog::AccountingLogError& e) {
    EXPECT_EQ(e.line(), 3);
    EXPECT_EQ(e.field(), "rcpt");
    EXPECT_NE(std::string(e.what()).find("'nobody' is not an address"), std::string::npos);
  }
  try {
    read(kHeader + "d,2026-01-05T00:00:01Z,yesterday,a@gmail.com,2.0.0\n");
    FAIL() << "no error";
  } catch (const acctlog::AccountingLogError& e) {
    EXPECT_EQ(e.line(), 2);
    EXPECT_EQ(e.field(), "timeQueued");
  }
  EXPECT_THROW(read(kHeader + "d,2026-01-05T00:00:01Z,2026-01-05T00:00:00Z,a@bad_domain!,2.0.0\n"),
               acctlog::AccountingLogError);
}

// --- The scenario keys -------------------------------------------------------------------------------------

/// A folder holding a scenario whose one traffic replays `log.csv` beside it.
class ReplayScenario : public ::testing::Test {
 protected:
  void SetUp() override {
    folder_ =
        std::filesystem::temp_directory_path() / ("delivsim_replay_" + delivsim::testing::current_test_id());
    std::filesystem::create_directories(folder_);
  }
  void TearDown() override { std::filesystem::remove_all(folder_); }

  void write_log(const std::string& text) const { std::ofstream(folder_ / "log.csv") << text; }
  Scenario load(const std::string& replay, const std::string& extra = "",
                const std::string& duration = "1d") {
    const std::string yaml =
        "duration: " + duration +
        "\nidentities:\n  ips: [{address: 192.0.2.1}]\n  domains: [{name: example.com}]\n"
        "pools: {main: [192.0.2.1]}\ntraffic:\n  - name: lastweek\n    pool: main\n"
        "    dkim_domain: example.com\n    replay: " +
        replay + "\n" + extra;
    return parse_scenario(yaml, (folder_ / "s.yaml").string());
  }
  std::filesystem::path folder_;
};

const std::string kTwoMessages = kHeader +
                                 "d,2026-01-05T00:00:01Z,2026-01-05T00:00:00Z,a@gmail.com,2.0.0\n"
                                 "d,2026-01-05T02:00:01Z,2026-01-05T02:00:00Z,b@yahoo.com,2.0.0\n"
                                 "t,2026-01-05T02:00:02Z,2026-01-05T02:00:00Z,b@yahoo.com,4.7.0\n";

TEST_F(ReplayScenario, TheLogBesideTheScenarioGivesTheDomainsAndTheInjections) {
  write_log(kTwoMessages);
  const Scenario scenario = load("{log: log.csv, at: 1h}");
  const TrafficSpec& traffic = scenario.traffic.at(0);
  ASSERT_TRUE(traffic.replay);
  EXPECT_FALSE(traffic.campaign || traffic.stream);
  EXPECT_EQ(traffic.replay->at, std::chrono::hours(1));
  ASSERT_EQ(traffic.replay->messages->injections.size(), 2u);
  const std::vector<std::pair<std::string, double>> mix{{"gmail.com", 0.5}, {"yahoo.com", 0.5}};
  EXPECT_EQ(traffic.domain_mix, mix);
  EXPECT_TRUE(scenario.import_warnings.empty());
}

TEST_F(ReplayScenario, FromAndUntilTakeLogTimes) {
  write_log(kTwoMessages);
  const Scenario scenario = load("{log: log.csv, from: \"2026-01-05 01:00:00+0000\", until: 1767600000}");
  EXPECT_EQ(scenario.traffic.at(0).replay->messages->injections.size(), 1u);
  EXPECT_THROW(load("{log: log.csv, from: tomorrow}"), ScenarioError);
  EXPECT_THROW(load("{log: log.csv, from: 1767600000, until: 1767600000}"), ScenarioError);
}

TEST_F(ReplayScenario, MessagesWithoutTimeQueuedAreAWarning) {
  write_log("type,timeLogged,rcpt\nd,2026-01-05T00:00:00Z,a@gmail.com\n");
  const Scenario scenario = load("{log: log.csv}");
  ASSERT_EQ(scenario.import_warnings.size(), 1u);
  EXPECT_NE(scenario.import_warnings[0].find("log.csv:2:1: warning: 1 message(s) have no timeQueued"),
            std::string::npos);
}

ScenarioError error_of(const std::function<void()>& load) {
  try {
    load();
  } catch (const ScenarioError& e) {
    return e;
  }
  ADD_FAILURE() << "no ScenarioError";
  return ScenarioError("", 0, 0, "", "", "");
}

TEST_F(ReplayScenario, ABadLogIsAScenarioErrorAtTheLogsLineAndColumn) {
  write_log(kHeader + "d,2026-01-05T00:00:01Z,2026-01-05T00:00:00Z,a@gmail.com\n");
  const ScenarioError e = error_of([&] { load("{log: log.csv}"); });
  EXPECT_EQ(e.file, (folder_ / "log.csv").string());
  EXPECT_EQ(e.line, 2);
  EXPECT_GT(e.column, 0);
}

TEST_F(ReplayScenario, AMessagePastTheScenariosEndIsAnErrorAtItsLine) {
  write_log(kTwoMessages);
  const ScenarioError e = error_of([&] { load("{log: log.csv, at: 23h}"); });
  EXPECT_EQ(e.field, "timeQueued");
  EXPECT_EQ(e.line, 3);
  EXPECT_NE(e.problem.find("past the scenario's end"), std::string::npos);
  EXPECT_NO_THROW(load("{log: log.csv, at: 21h}"));
}

TEST_F(ReplayScenario, WrongKeysAreErrors) {
  write_log(kTwoMessages);
  EXPECT_EQ(error_of([&] { load("{log: missing.csv}"); }).field, "traffic[0].replay.log");
  // Not a regular file: refused before reading, so a FIFO (or /dev/stdin) cannot block the load.
  ASSERT_EQ(::mkfifo((folder_ / "fifo.csv").c_str(), 0600), 0);
  EXPECT_NE(error_of([&] { load("{log: fifo.csv}"); }).problem.find("is not a file"), std::string::npos);
  EXPECT_NE(error_of([&] { load("{log: .}"); }).problem.find("is not a file"), std::string::npos);
  EXPECT_EQ(error_of([&] { load("{log: log.csv}", "    domains: {gmail.com: 1.0}\n"); }).field,
            "traffic[0].domains");
  EXPECT_EQ(error_of([&] { load("{log: log.csv}", "    stream: {rate: 10/d}\n"); }).field,
            "traffic[0].replay");
  EXPECT_EQ(error_of([&] { load("{lg: log.csv}"); }).hint, "log");
  write_log(kHeader);
  EXPECT_NE(error_of([&] { load("{log: log.csv}"); }).problem.find("has no delivered"), std::string::npos);
}

TEST_F(ReplayScenario, ADomainNoProviderHostsIsAnErrorAtItsFirstLine) {
  write_log(kTwoMessages);
  const std::string providers = "providers:\n  gmail: {profile: gmail, domains: [gmail.com]}\n";
  const ScenarioError e = error_of([&] { load("{log: log.csv}", providers); });
  EXPECT_EQ(e.line, 3);
  EXPECT_EQ(e.field, "rcpt");
  EXPECT_NE(e.problem.find("'yahoo.com' is not hosted"), std::string::npos);
}

}  // namespace
}  // namespace delivsim
