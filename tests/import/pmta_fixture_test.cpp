#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "pmta_test_files.h"
#include "sim/import/imported_scenario.h"
#include "sim/scenario/scenario_loader.h"

namespace delivsim {
namespace {

using std::chrono::hours;
using std::chrono::minutes;

const std::string kFixture = std::string(DELIVSIM_SOURCE_DIR) + "/tests/import/fixtures/pmta-example.conf";

TEST(PmtaFixture, ImportsWithExactlyTheListedWarnings) {
  const ImportedConfig config = import_powermta({kFixture});
  std::vector<std::pair<int, std::string>> warnings;
  for (const ImportWarning& warning : config.warnings) {
    EXPECT_EQ(warning.where.file, kFixture);
    warnings.emplace_back(warning.where.line, warning.directive);
  }
  // The list in docs/import-pmta.md, "The fixture".
  const std::vector<std::pair<int, std::string>> expected{
      {9, "postmaster"},
      {10, "host-name"},
      {11, "smtp-listener"},
      {12, "http-mgmt-port"},
      {13, "http-access"},
      {16, "always-allow-relaying"},
      {17, "process-x-virtual-mta"},
      {19, "smtp-service"},
      {22, "<acct-file>"},
      {28, "spool"},
      {77, "<domain>"},  // inside <virtual-mta vmta-tx>
      {104, "bounce-upon-no-mx"},
      {105, "use-starttls"},
      {108, "<domain>"},  // gmail.com: the provider also hosts googlemail.com
      {115, "require-starttls"},
      {125, "<domain>"},  // $yahoo: three domains share one queue; rocketmail.com too
      {137, "<domain>"},  // $microsoft: four domains share one queue
  };
  EXPECT_EQ(warnings, expected);
  EXPECT_EQ(config.default_pool, "pool-marketing");
  EXPECT_EQ(config.recipient_domains,
            (std::vector<std::string>{"gmail.com", "yahoo.com", "aol.com", "ymail.com", "hotmail.com",
                                      "outlook.com", "live.com", "msn.com"}));
}

TEST(PmtaFixture, TheImportIsAValidScenarioWithTheConfigsLimits) {
  const ImportedConfig config = import_powermta({kFixture});
  const Scenario scenario =
      parse_scenario(imported_scenario_text(config, MtaFormat::PowerMta, {kFixture}), "imported.yaml");
  ASSERT_EQ(scenario.ips.size(), 5u);
  const DestinationPolicy& defaults = scenario.sender_defaults;
  EXPECT_EQ(defaults.max_msg_per_connection, 100);
  EXPECT_EQ(defaults.backoff.to_normal_after, kLongestSpan);  // PowerMTA's never
  EXPECT_TRUE(defaults.backoff.max_msg_rate.unlimited());
  const DestinationPolicy& gmail = scenario.policy_for("gmail");
  EXPECT_EQ(gmail.max_smtp_out, 5);
  EXPECT_DOUBLE_EQ(gmail.max_msg_rate.hourly(), 500.0);
  EXPECT_DOUBLE_EQ(gmail.max_conn_rate.per_second, 1.0);
  EXPECT_EQ(gmail.retry.kind, RetrySchedule::Kind::List);
  EXPECT_EQ(gmail.retry.offsets,
            (std::vector<Duration>{minutes(15), minutes(45), minutes(105), minutes(225), minutes(465)}));
  EXPECT_EQ(gmail.bounce_after, hours(72));
  ASSERT_EQ(gmail.patterns.size(), 4u);
  EXPECT_EQ(gmail.patterns[0].match, PatternRule::Match::Regex);
  EXPECT_EQ(gmail.patterns[0].pattern, "421[ -]4\\.7\\.28");
  EXPECT_TRUE(gmail.patterns[0].backoff);
  EXPECT_DOUBLE_EQ(gmail.backoff.max_msg_rate.hourly(), 100.0);
  EXPECT_EQ(gmail.backoff.retry_after, minutes(45));
  EXPECT_EQ(gmail.backoff.to_normal_after, hours(2));
  EXPECT_EQ(gmail.cold_msg_per_day, 200);
  EXPECT_EQ(scenario.cold_ips,
            (std::vector<std::pair<std::string, std::string>>{{"192.0.2.12", "192.0.2.13"}}));
  const DestinationPolicy& yahoo = scenario.policy_for("yahoo");
  EXPECT_EQ(yahoo.max_msg_per_connection, 20);
  EXPECT_EQ(yahoo.retry.interval, minutes(30));
  EXPECT_EQ(yahoo.bounce_after, hours(108));  // from <domain *>
  const DestinationPolicy& microsoft = scenario.policy_for("microsoft");
  EXPECT_EQ(microsoft.retry.offsets, (std::vector<Duration>{minutes(20), minutes(60), minutes(120)}));
  EXPECT_EQ(microsoft.patterns.size(), 3u);
}

const std::string kVariant = std::string(DELIVSIM_SOURCE_DIR) + "/tests/import/fixtures/pmta-variant.conf";

TEST(PmtaFixture, AStockShapedConfigImportsWithWarningsAndValidates) {
  const ImportedConfig config = import_powermta({kVariant});
  std::vector<std::pair<int, std::string>> warnings;
  for (const ImportWarning& warning : config.warnings)
    warnings.emplace_back(warning.where.line, warning.directive);
  const std::vector<std::pair<int, std::string>> expected{
      {4, "smtp-listener"},
      {6, "always-allow-relaying"},
      {7, "process-x-virtual-mta"},
      {9, "log-connections"},
      {11, "<smtp-user>"},
      {14, "<bounce-category-patterns>"},
      {20, "disable-source-ip"},
      {21, "backoff-to-normal-after=1h"},
      {41, "<domain>"},
      {45, "<domain>"},
      {46, "max-smtp-out"},  // outlook.com's 6 after hotmail.com's 4: one microsoft policy
  };
  EXPECT_EQ(warnings, expected);
  for (const std::string domain : {"gmail.com", "outlook.com", "example.org"}) {
    ImportedConfig one_domain = config;
    one_domain.recipient_domains = {domain};
    const Scenario scenario =
        parse_scenario(imported_scenario_text(one_domain, MtaFormat::PowerMta, {kVariant}), "variant.yaml");
    EXPECT_EQ(scenario.policy_for("microsoft").max_smtp_out, 6);
    EXPECT_DOUBLE_EQ(scenario.policy_for("gmail").max_msg_rate.per_second, 20.0 / 60.0);
    EXPECT_DOUBLE_EQ(scenario.policy_for("gmail").backoff.max_msg_rate.per_second, 20.0 / 60.0);
    EXPECT_EQ(scenario.policy_for("example.org").max_smtp_out, 2);
    EXPECT_EQ(scenario.policy_for("example.org").backoff.to_normal_after, minutes(30));
    const auto& rules = scenario.policy_for("gmail").patterns;
    ASSERT_EQ(rules.size(), 3u);
    EXPECT_EQ(rules[0].pattern, "(?i)blocked");
    EXPECT_EQ(rules[1].suspend_for, hours(4));
  }
}

}  // namespace
}  // namespace delivsim
