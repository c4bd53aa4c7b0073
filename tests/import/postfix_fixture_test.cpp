// The shipped Postfix fixture (tests/import/fixtures, copied from shared/configs) imports with exactly the
// warnings listed here and in docs/import-postfix.md, and the scenario built around it loads and runs.
#include <gtest/gtest.h>

#include <map>
#include <set>
#include <sstream>

#include "sim/import/postfix_import.h"
#include "sim/scenario/scenario_loader.h"
#include "sim/world/run.h"
#include "tests/import/postfix_test_files.h"

namespace delivsim {
namespace {

using testing::node_at;

const std::string kFixtures = std::string(DELIVSIM_SOURCE_DIR) + "/tests/import/fixtures/";

ImportedConfig import_fixture() {
  return import_postfix(
      {kFixtures + "postfix-main.cf", kFixtures + "postfix-master.cf", kFixtures + "postfix-transport"});
}

std::string warning_lines(const ImportedConfig& config) {
  std::ostringstream out;
  for (const ImportWarning& w : config.warnings) {
    const std::string file = std::filesystem::path(w.where.file).filename().string();
    out << file << ":" << w.where.line << " " << w.directive << "\n";
  }
  return out.str();
}

TEST(PostfixFixture, ImportsWithExactlyTheListedWarnings) {
  // The list docs/import-postfix.md gives, in file and line order.
  const std::string expected =
      "postfix-main.cf:22 queue_run_delay\n"  // "# ..." after the value
      "postfix-main.cf:23 minimal_backoff_time\n"
      "postfix-main.cf:24 maximal_backoff_time\n"
      "postfix-main.cf:25 maximal_queue_lifetime\n"
      "postfix-main.cf:26 bounce_queue_lifetime\n"  // Postfix's own bounces
      "postfix-main.cf:26 bounce_queue_lifetime\n"
      "postfix-main.cf:30 initial_destination_concurrency\n"
      "postfix-main.cf:31 default_destination_concurrency_limit\n"  // per domain vs per queue
      "postfix-main.cf:31 default_destination_concurrency_limit\n"
      "postfix-main.cf:32 default_destination_recipient_limit\n"  // one recipient per message
      "postfix-main.cf:32 default_destination_recipient_limit\n"
      "postfix-main.cf:33 default_destination_rate_delay\n"
      "postfix-main.cf:34 default_destination_concurrency_positive_feedback\n"
      "postfix-main.cf:35 default_destination_concurrency_negative_feedback\n"
      "postfix-main.cf:36 default_destination_concurrency_failed_cohort_limit\n"
      "postfix-main.cf:37 smtp_connection_cache_on_demand\n"
      "postfix-main.cf:38 smtp_connection_reuse_time_limit\n"
      "postfix-main.cf:39 smtp_mx_address_limit\n"
      "postfix-main.cf:40 smtp_mx_session_limit\n"
      "postfix-main.cf:45 gmail-out_destination_concurrency_limit\n"  // no effect beside a rate delay
      "postfix-main.cf:46 gmail-out_destination_rate_delay\n"
      "postfix-main.cf:49 gmail-out_destination_concurrency_failed_cohort_limit\n"
      "postfix-main.cf:50 gmail-out_destination_recipient_limit\n"
      "postfix-main.cf:53 yahoo-out_destination_concurrency_limit\n"
      "postfix-main.cf:54 yahoo-out_destination_recipient_limit\n"
      "postfix-main.cf:55 yahoo-out_destination_concurrency_negative_feedback\n"
      "postfix-main.cf:58 msft-out_destination_concurrency_limit\n"
      "postfix-main.cf:60 msft-out_destination_recipient_limit\n"
      "postfix-master.cf:24 smtp_bind_address\n";  // the default transport has none: no default pool
  EXPECT_EQ(warning_lines(import_fixture()), expected);
}

TEST(PostfixFixture, MapsTheTransportsToPoolsAndTheirLimitsToDestinations) {
  const ImportedConfig config = import_fixture();
  const auto scalar = [&](const std::string& path) {
    const YamlNode* node = node_at(config.scenario_keys, path);
    return node ? node->scalar + "@" + std::to_string(node->position.line) : std::string("absent");
  };
  EXPECT_EQ(scalar("sender.defaults.max_smtp_out"), "20@31");
  EXPECT_EQ(scalar("sender.defaults.retry.exponential.initial"), "5m@23");
  EXPECT_EQ(scalar("sender.defaults.retry.exponential.max"), "1h6m40s@24");
  EXPECT_EQ(scalar("sender.defaults.bounce_after"), "3d@25");
  EXPECT_EQ(scalar("sender.destinations.gmail.pool"), "gmail-out@3");
  EXPECT_EQ(scalar("sender.mta"), "postfix@0");
  EXPECT_EQ(scalar("sender.defaults.queue_run_delay"), "5m@22");
  EXPECT_EQ(scalar("sender.destinations.gmail.max_smtp_out"), "4@45");
  EXPECT_EQ(scalar("sender.destinations.gmail.rate_delay"), "1s@46");
  EXPECT_EQ(scalar("sender.destinations.gmail.concurrency_failed_cohort_limit"), "10@49");
  EXPECT_EQ(scalar("sender.destinations.yahoo.pool"), "yahoo-out@5");
  EXPECT_EQ(scalar("sender.destinations.yahoo.max_smtp_out"), "10@53");
  EXPECT_EQ(scalar("sender.destinations.microsoft.pool"), "msft-out@8");
  EXPECT_EQ(scalar("sender.destinations.microsoft.max_smtp_out"), "5@58");
  EXPECT_EQ(scalar("sender.destinations.microsoft.rate_delay"), "absent");
  EXPECT_EQ(node_at(config.scenario_keys, "pools.msft-out")->items.at(0).scalar, "192.0.2.12");
  EXPECT_EQ(config.default_pool, "");
  std::vector<std::string> sections;
  for (const YamlMapEntry& entry : config.scenario_keys.entries) sections.push_back(entry.key);
  EXPECT_EQ(sections, (std::vector<std::string>{"identities", "pools", "sender"}));
  EXPECT_EQ(config.recipient_domains,
            (std::vector<std::string>{"gmail.com", "googlemail.com", "yahoo.com", "ymail.com", "aol.com",
                                      "hotmail.com", "outlook.com", "live.com", "msn.com"}));
}

/// A runnable scenario taking its sender, IPs and pools from the fixture (`sender: {import: ...}`), with a
/// sending domain and one stream added.
std::string scenario_around() {
  return "name: postfix-round-trip\nseed: 4\nduration: 3h\naccounting: true\n"
         "identities: {domains: [{name: example.com, age: warm, established_per_day: 100000}]}\n"
         "traffic: [{name: t, pool: gmail-out, dkim_domain: example.com, stream: {rate: 10000/h},"
         " domains: {gmail.com: 0.4, yahoo.com: 0.3, outlook.com: 0.3}}]\n"
         "sender: {import: {postfix: [\"" +
         kFixtures + "postfix-main.cf\", \"" + kFixtures + "postfix-master.cf\", \"" + kFixtures +
         "postfix-transport\"]}}\n";
}

TEST(PostfixFixture, TheImportedScenarioRunsWithEachProviderOnItsTransportsIpAndGmailsRate) {
  const RunResult result = run_scenario(parse_scenario(scenario_around(), "pf.yaml"));
  std::map<std::string, std::set<std::string>> ips;
  std::map<int, int> gmail_attempts_by_hour;
  for (const AccountingRecord& record : result.accounting) {
    const std::string& provider = result.providers.at(record.provider).name;
    ips[provider].insert(result.ip_addresses.at(record.ip));
    if (provider == "gmail")
      ++gmail_attempts_by_hour[static_cast<int>(record.logged / std::chrono::hours(1))];
  }
  EXPECT_EQ(ips["gmail"], (std::set<std::string>{"192.0.2.10"}));
  EXPECT_EQ(ips["yahoo"], (std::set<std::string>{"192.0.2.11"}));
  EXPECT_EQ(ips["microsoft"], (std::set<std::string>{"192.0.2.12"}));
  // 4,000 messages an hour to Gmail, one per second allowed (gmail-out_destination_rate_delay = 1s).
  for (const auto& [hour, attempts] : gmail_attempts_by_hour) {
    EXPECT_LE(attempts, 3601) << "hour " << hour;
    EXPECT_GE(attempts, 3000) << "hour " << hour;
  }
}

}  // namespace
}  // namespace delivsim
