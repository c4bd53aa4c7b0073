// Routing by destination (sender.destinations.<provider>.pool): mail to a routed provider leaves only from
// the routed pool's IPs, the rest from the traffic's own pool. Cold IPs (sender.cold_ips with
// cold_msg_per_day, PowerMTA's max-cold-virtual-mta-msg): of the mail the pool gives a warm IP, the first N
// messages a day per recipient domain leave through its cold IP.
#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>

#include "sim/scenario/scenario_loader.h"
#include "sim/world/run.h"

namespace delivsim {
namespace {

/// Three warm IPs: pool "main" holds the first two, pool "routed" the third. One stream sends half its mail
/// to provider "a" and half to "b" for `duration`; `sender` is the sender section's keys.
std::string routing_scenario_with(const std::string& sender, const std::string& duration = "6h") {
  return "name: routing\nseed: 5\nduration: " + duration +
         "\naccounting: true\n"
         "identities:\n"
         "  ips:\n"
         "    - {address: 192.0.2.1, age: warm, established_per_day: 100000}\n"
         "    - {address: 192.0.2.2, age: warm, established_per_day: 100000}\n"
         "    - {address: 192.0.2.3, age: warm, established_per_day: 100000}\n"
         "  domains: [{name: example.com, age: warm, established_per_day: 100000}]\n"
         "pools: {main: [192.0.2.1, 192.0.2.2], routed: [192.0.2.3]}\n"
         "traffic:\n"
         "  - name: t\n    pool: main\n    dkim_domain: example.com\n"
         "    stream: {rate: 400/h}\n    domains: {a.example: 0.5, b.example: 0.5}\n"
         "providers:\n"
         "  a: {profile: generic, domains: [a.example]}\n"
         "  b: {profile: generic, domains: [b.example, \"*\"]}\n"
         "sender: " +
         sender + "\n";
}

/// routing_scenario_with the sender's `destinations` mapping only.
std::string routing_scenario(const std::string& destinations) {
  return routing_scenario_with("{destinations: " + destinations + "}");
}

/// Per provider name, the IP addresses its accounting records went through.
std::map<std::string, std::set<std::string>> ips_by_provider(const RunResult& result) {
  std::map<std::string, std::set<std::string>> ips;
  for (const AccountingRecord& record : result.accounting) {
    ips[result.providers.at(record.provider).name].insert(result.ip_addresses.at(record.ip));
  }
  return ips;
}

TEST(DestinationPool, RoutedProviderLeavesOnlyFromItsPoolTheRestFromTheTraffics) {
  const RunResult result =
      run_scenario(parse_scenario(routing_scenario("{b: {pool: routed}}"), "routing.yaml"));
  const auto ips = ips_by_provider(result);
  EXPECT_EQ(ips.at("a"), (std::set<std::string>{"192.0.2.1", "192.0.2.2"}));
  EXPECT_EQ(ips.at("b"), (std::set<std::string>{"192.0.2.3"}));
  EXPECT_GT(result.accounting.size(), 1000u);
  EXPECT_EQ(result.provider_pool, (std::vector<std::string>{"", "routed"}));
}

TEST(DestinationPool, WithoutRoutingEveryProviderSharesTheTrafficsPool) {
  const RunResult result = run_scenario(parse_scenario(routing_scenario("{b: {max_smtp_out: 5}}"), "r.yaml"));
  const auto ips = ips_by_provider(result);
  EXPECT_EQ(ips.at("a"), (std::set<std::string>{"192.0.2.1", "192.0.2.2"}));
  EXPECT_EQ(ips.at("b"), (std::set<std::string>{"192.0.2.1", "192.0.2.2"}));
}

TEST(DestinationPool, RoutedRunIsDeterministic) {
  const std::string text = routing_scenario("{b: {pool: routed}}");
  const RunResult first = run_scenario(parse_scenario(text, "routing.yaml"));
  const RunResult second = run_scenario(parse_scenario(text, "routing.yaml"));
  ASSERT_EQ(first.accounting.size(), second.accounting.size());
  for (std::size_t i = 0; i < first.accounting.size(); ++i) {
    EXPECT_EQ(first.accounting[i].ip, second.accounting[i].ip) << i;
    EXPECT_EQ(first.accounting[i].logged, second.accounting[i].logged) << i;
  }
}

TEST(DestinationPool, OnlyTheRoutedPoolsIpsAreReportedWhenItTakesAllTheMail) {
  // Both providers routed: the traffic's own pool carries nothing, so its IPs are not reported.
  const RunResult result =
      run_scenario(parse_scenario(routing_scenario("{a: {pool: routed}, b: {pool: routed}}"), "all.yaml"));
  std::set<std::string> reported;
  for (const IdentityResult& identity : result.identities) reported.insert(identity.id);
  EXPECT_TRUE(reported.contains("192.0.2.3"));
  EXPECT_FALSE(reported.contains("192.0.2.1"));
  EXPECT_FALSE(reported.contains("192.0.2.2"));
}

/// Messages (the first accounting record of each) per "<day> <recipient domain> <IP address>".
std::map<std::string, int> messages_by_day_domain_ip(const RunResult& result) {
  std::map<std::int64_t, const AccountingRecord*> first;
  for (const AccountingRecord& record : result.accounting) first.try_emplace(record.message_id, &record);
  std::map<std::string, int> counts;
  for (const auto& [id, record] : first) {
    ++counts[std::to_string(record->queued / kDay) + " " + result.recipient_domains.at(record->domain) + " " +
             result.ip_addresses.at(record->ip)];
  }
  return counts;
}

TEST(ColdIp, TheFirstMessagesOfEachDayPerDomainLeaveThroughTheColdIp) {
  // 192.0.2.3 (in no pool the traffic uses) is 192.0.2.1's cold IP for provider a's and b's mail.
  const RunResult result = run_scenario(parse_scenario(
      routing_scenario_with("{cold_ips: {192.0.2.1: 192.0.2.3}, defaults: {cold_msg_per_day: 30}}", "2d"),
      "cold.yaml"));
  const std::map<std::string, int> counts = messages_by_day_domain_ip(result);
  for (const std::string day : {"0", "1"}) {
    for (const std::string domain : {"a.example", "b.example"}) {
      EXPECT_EQ(counts.at(day + " " + domain + " 192.0.2.3"), 30) << day << " " << domain;
      // The warm IP takes its half of the rest; the other pool IP its half of everything.
      EXPECT_GT(counts.at(day + " " + domain + " 192.0.2.1"), 1000) << day << " " << domain;
      EXPECT_GT(counts.at(day + " " + domain + " 192.0.2.2"), 2000) << day << " " << domain;
    }
  }
}

TEST(ColdIp, WithoutADailyCountTheColdIpCarriesNothing) {
  const RunResult result =
      run_scenario(parse_scenario(routing_scenario_with("{cold_ips: {192.0.2.1: 192.0.2.3}}"), "cold.yaml"));
  for (const AccountingRecord& record : result.accounting)
    EXPECT_NE(result.ip_addresses.at(record.ip), "192.0.2.3");
}

}  // namespace
}  // namespace delivsim
