// Cold VirtualMTAs (sender.cold_ips with cold_msg_per_day, PowerMTA's max-cold-virtual-mta-msg): of the mail
// the pool gives a warm IP, the first N messages a day per recipient domain leave through its cold IP.
#include <gtest/gtest.h>

#include <map>
#include <string>

#include "sim/scenario/scenario_loader.h"
#include "sim/world/run.h"

namespace delivsim {
namespace {

/// Pool "main" holds 192.0.2.1 and 192.0.2.2 (round-robin); 192.0.2.3 is 192.0.2.1's cold IP. A 2-day
/// stream of 400/h to two domains of one provider; accounting on.
std::string cold_scenario(const std::string& destination) {
  return "name: cold\nseed: 9\nduration: 2d\naccounting: true\n"
         "identities:\n"
         "  ips:\n"
         "    - {address: 192.0.2.1, age: warm, established_per_day: 100000}\n"
         "    - {address: 192.0.2.2, age: warm, established_per_day: 100000}\n"
         "    - {address: 192.0.2.3, age: warm, established_per_day: 100000}\n"
         "  domains: [{name: example.com, age: warm, established_per_day: 100000}]\n"
         "pools: {main: [192.0.2.1, 192.0.2.2]}\n"
         "traffic:\n"
         "  - name: t\n    pool: main\n    dkim_domain: example.com\n"
         "    stream: {rate: 400/h}\n    domains: {a.example: 0.5, b.example: 0.5}\n"
         "providers:\n"
         "  p: {profile: generic, domains: [a.example, b.example, \"*\"]}\n"
         "sender:\n  cold_ips: {192.0.2.1: 192.0.2.3}\n  destinations: {p: " +
         destination + "}\n";
}

/// Messages (first accounting record of each) per (day, recipient domain, IP address).
std::map<std::string, int> messages_by_day_domain_ip(const RunResult& result) {
  std::map<std::int64_t, const AccountingRecord*> first;
  for (const AccountingRecord& record : result.accounting) first.try_emplace(record.message_id, &record);
  std::map<std::string, int> counts;
  for (const auto& [id, record] : first) {
    const std::int64_t day = record->queued / kDay;
    ++counts[std::to_string(day) + " " + result.recipient_domains.at(record->domain) + " " +
             result.ip_addresses.at(record->ip)];
  }
  return counts;
}

TEST(ColdIp, TheFirstMessagesOfEachDayPerDomainLeaveThroughTheColdIp) {
  const RunResult result = run_scenario(parse_scenario(cold_scenario("{cold_msg_per_day: 30}"), "cold.yaml"));
  const std::map<std::string, int> counts = messages_by_day_domain_ip(result);
  for (const std::string day : {"0", "1"}) {
    for (const std::string domain : {"a.example", "b.example"}) {
      EXPECT_EQ(counts.at(day + " " + domain + " 192.0.2.3"), 30) << day << domain;
      // The warm IP takes its half of the rest; the other pool IP its half of everything.
      EXPECT_GT(counts.at(day + " " + domain + " 192.0.2.1"), 1000) << day << domain;
      EXPECT_GT(counts.at(day + " " + domain + " 192.0.2.2"), 2000) << day << domain;
    }
  }
}

TEST(ColdIp, WithoutADailyCountTheColdIpCarriesNothing) {
  const RunResult result = run_scenario(parse_scenario(cold_scenario("{max_smtp_out: 20}"), "cold.yaml"));
  for (const AccountingRecord& record : result.accounting)
    EXPECT_NE(result.ip_addresses.at(record.ip), "192.0.2.3");
}

}  // namespace
}  // namespace delivsim
