#include "sim/output/summary_table.h"

#include <gtest/gtest.h>

#include <sstream>

#include "sample_run_result.h"

namespace delivsim {
namespace {

std::vector<std::string> lines_of(const std::string& text) {
  std::istringstream stream(text);
  std::vector<std::string> lines;
  for (std::string line; std::getline(stream, line);) lines.push_back(line);
  return lines;
}

std::vector<std::string> words_of(const std::string& line) {
  std::istringstream stream(line);
  std::vector<std::string> words;
  for (std::string word; stream >> word;) words.push_back(word);
  return words;
}

/// The words of every line whose first word is `first_word`.
std::vector<std::vector<std::string>> rows_starting_with(const std::string& text,
                                                         const std::string& first_word) {
  std::vector<std::vector<std::string>> rows;
  for (const std::string& line : lines_of(text)) {
    std::vector<std::string> words = words_of(line);
    if (!words.empty() && words.front() == first_word) rows.push_back(std::move(words));
  }
  return rows;
}

class SummaryTable : public ::testing::Test {
 protected:
  const std::string table_ = format_summary_table(sample_run_result());
};

TEST_F(SummaryTable, StartsWithScenarioSeedAndSimulatedDays) {
  EXPECT_EQ(
      lines_of(table_).at(0),
      "Scenario output-sample  seed 42  simulated 2.00 days from 2026-01-05T00:00:00Z  (123,456 events)");
}

/// The first word of a row and the words it must have, in order.
struct RowCase {
  std::string first_word;
  std::vector<std::string> words;
};

class SummaryTableRow : public SummaryTable, public ::testing::WithParamInterface<RowCase> {};

TEST_P(SummaryTableRow, ShowsTheFigures) {
  const auto rows = rows_starting_with(table_, GetParam().first_word);
  ASSERT_FALSE(rows.empty()) << table_;
  EXPECT_EQ(rows.front(), GetParam().words) << table_;
}

INSTANTIATE_TEST_SUITE_P(
    Rows, SummaryTableRow,
    ::testing::Values(
        RowCase{"provider",
                {"provider", "injected", "delivered", "bounced", "expired", "queued", "attempts", "deferral",
                 "%", "max", "queue", "drain"}},
        RowCase{"gmail",
                {"gmail", "1,000", "900", "30", "20", "50", "1,500", "26.7%", "350", "not", "drained"}},
        RowCase{"other", {"other", "500", "495", "5", "0", "0", "520", "2.9%", "40", "3d", "4h"}},
        RowCase{"TOTAL", {"TOTAL", "1,500", "1,395", "35", "20", "50", "2,020", "20.5%", "-", "-"}},
        RowCase{"ip", {"ip", "203.0.113.10", "gmail", "LOW", "0.31", "0.42%"}},
        RowCase{"dkim", {"dkim", "news.example.com", "gmail", "MEDIUM", "0.61", "0.12%"}},
        RowCase{"spf", {"spf", "bounce.example.com", "other", "HIGH", "0.90", "0.00%"}},
        RowCase{"Alerts:", {"Alerts:", "2"}}));

TEST_F(SummaryTable, ShowsThePlacementAndLatencyOfDeliveredMailPerProviderAndTrafficSource) {
  const std::string section = table_.substr(table_.find("Delivered mail: "));
  const std::vector<std::string> lines = lines_of(section);
  ASSERT_GE(lines.size(), 7u) << table_;
  EXPECT_EQ(
      lines[0],
      "Delivered mail: inbox or spam folder, and latency from injection to delivery (mean, p50, p95, p99, "
      "max)");
  EXPECT_EQ(words_of(lines[1]), (std::vector<std::string>{"provider", "delivered", "inbox", "spam", "inbox",
                                                          "%", "mean", "p50", "p95", "p99", "max"}));
  EXPECT_EQ(words_of(lines[2]), (std::vector<std::string>{"gmail", "900", "720", "180", "80.0%", "39m", "12s",
                                                          "4.2h", "14h", "1.2d"}));
  EXPECT_EQ(words_of(lines[3]), (std::vector<std::string>{"other", "495", "490", "5", "99.0%", "6.5s", "2.0s",
                                                          "30s", "45s", "1.0m"}));
  EXPECT_EQ(words_of(lines[4]), (std::vector<std::string>{"traffic", "class", "delivered", "inbox", "spam",
                                                          "inbox", "%", "mean", "p50", "p95", "p99", "max"}));
  EXPECT_EQ(words_of(lines[5]), (std::vector<std::string>{"newsletter", "marketing", "1,100", "915", "185",
                                                          "83.2%", "32m", "11s", "4.2h", "14h", "1.2d"}));
  EXPECT_EQ(words_of(lines[6]), (std::vector<std::string>{"receipts", "transactional", "295", "295", "0",
                                                          "100.0%", "1.5s", "1.0s", "2.0s", "3.0s", "4.0s"}));
}

TEST_F(SummaryTable, FitsIn120Columns) {
  for (const std::string& line : lines_of(table_)) EXPECT_LE(line.size(), 120u) << line;
}

TEST_F(SummaryTable, ListsTheTopThreeDeferralRepliesPerProvider) {
  const std::string section = table_.substr(table_.find("Top deferral replies\n"));
  const std::vector<std::string> lines = lines_of(section);
  ASSERT_GE(lines.size(), 6u);
  EXPECT_EQ(words_of(lines[2]), (std::vector<std::string>{"gmail", "421", "4.7.28", "300"}));
  EXPECT_EQ(words_of(lines[3]), (std::vector<std::string>{"421", "4.7.0", "80"}));
  EXPECT_EQ(words_of(lines[4]), (std::vector<std::string>{"450", "4.2.1", "15"}));
  EXPECT_EQ(words_of(lines[5]), (std::vector<std::string>{"other", "421", "4.7.0", "15"}));
  EXPECT_EQ(section.find("4.3.0"), std::string::npos) << "only the top 3 are listed";
}

TEST_F(SummaryTable, ListsTheAlerts) {
  const auto alert_rows = rows_starting_with(table_.substr(table_.find("Alerts:")), "gmail");
  EXPECT_EQ(alert_rows, (std::vector<std::vector<std::string>>{{"gmail", "1h", "0m", "18.0%", "act"},
                                                               {"gmail", "2h", "0m", "7.1%", "unusual"}}));
}

TEST_F(SummaryTable, HasNoTrailingSpacesAndIsDeterministic) {
  for (const std::string& line : lines_of(table_)) EXPECT_TRUE(line.empty() || line.back() != ' ') << line;
  EXPECT_EQ(table_, format_summary_table(sample_run_result()));
}

TEST(SummaryTableAlerts, SummarizesAlertsBeyondTheFirstFive) {
  RunResult result = sample_run_result();
  result.alerts.assign(7, result.alerts.front());
  const std::string table = format_summary_table(result);
  EXPECT_EQ(rows_starting_with(table.substr(table.find("Alerts:")), "gmail").size(), 5u);
  EXPECT_NE(table.find("Alerts: 7\n"), std::string::npos);
  EXPECT_NE(table.find("... and 2 more\n"), std::string::npos);
}

TEST(SummaryTableFilterColours, ListsEachColouredIpsDaysOnlyWhenAProviderHasBands) {
  EXPECT_EQ(format_summary_table(sample_run_result()).find("Filter colours"), std::string::npos);
  RunResult result = sample_run_result();
  result.identities.push_back({IdentityKind::Ip, "198.51.100.7", "microsoft", Tier::Low, 0.4, 0.004,
                               FilterColourDays{.green = 3, .yellow = 2, .red = 1}});
  result.identities.push_back(
      {IdentityKind::Ip, "198.51.100.8", "microsoft", Tier::High, 0.9, 0, FilterColourDays{}});
  const std::string table = format_summary_table(result);
  const std::size_t section = table.find("Filter colours per IP");
  ASSERT_NE(section, std::string::npos) << table;
  EXPECT_LT(section, table.find("Alerts:"));
  const auto rows = rows_starting_with(table.substr(section), "microsoft");
  EXPECT_EQ(rows,
            (std::vector<std::vector<std::string>>{{"microsoft", "198.51.100.7", "3", "2", "1", "red"},
                                                   {"microsoft", "198.51.100.8", "0", "0", "0", "none"}}));
  for (const std::string& line : lines_of(table)) EXPECT_LE(line.size(), 120u) << line;
}

TEST(SummaryTableNoMail, ShowsNoRateShareOrLatencyOfNothing) {
  // A provider that got no mail and a source that delivered nothing: a dash, not "0.0%" or "0.0s".
  RunResult run = sample_run_result();
  ProviderResult idle;
  idle.name = "idle";
  run.providers.push_back(idle);
  TrafficResult stuck;
  stuck.name = "stuck";
  stuck.traffic_class = "marketing";
  stuck.injected = 10;
  run.traffic.push_back(stuck);
  const std::string table = format_summary_table(run);
  const auto rows = rows_starting_with(table, "idle");
  ASSERT_GE(rows.size(), 2u) << table;  // and "idle none" under the top deferral replies
  EXPECT_EQ(rows[0],
            (std::vector<std::string>{"idle", "0", "0", "0", "0", "0", "0", "-", "0", "no", "mail"}));
  EXPECT_EQ(rows[1], (std::vector<std::string>{"idle", "0", "0", "0", "-", "-", "-", "-", "-", "-"}));
  EXPECT_EQ(rows_starting_with(table, "stuck").at(0),
            (std::vector<std::string>{"stuck", "marketing", "0", "0", "0", "-", "-", "-", "-", "-", "-"}));
}

TEST(SummaryTableEmpty, SaysNoneForMissingSections) {
  const std::string table = format_summary_table(RunResult{});
  EXPECT_NE(table.find("Identities: none\n"), std::string::npos);
  EXPECT_NE(table.find("Alerts: 0\n"), std::string::npos);
  EXPECT_EQ(table.find("traffic"), std::string::npos) << "no traffic sources, no traffic table";
}

}  // namespace
}  // namespace delivsim
