#include <gtest/gtest.h>

#include <map>
#include <string>
#include <tuple>

#include "sim/scenario/scenario_loader.h"
#include "sim/world/run.h"

namespace delivsim {
namespace {

const std::string kFixture = std::string(DELIVSIM_SOURCE_DIR) + "/tests/import/fixtures/pmta-example.conf";

/// A scenario that takes its sender from the fixture (`sender: {import: ...}`), with the three IPs of
/// pool-marketing and the sending domain made warm (a config does not say how warm they are), sending 3000
/// recipients at gmail.com at once with accounting on; `gmail_override` is merged over the imported gmail
/// destination.
std::string roundtrip_text(const std::string& gmail_override = "{}") {
  std::string text = "duration: 1d\naccounting: true\nidentities:\n  ips:\n";
  for (const char* address : {"192.0.2.10", "192.0.2.11", "192.0.2.12"}) {
    text += "    - {address: " + std::string(address) + ", age: warm, established_per_day: 200000}\n";
  }
  text +=
      "  domains: [{name: example.com, age: warm, established_per_day: 200000}]\n"
      "traffic:\n  - {name: t, pool: pool-marketing, dkim_domain: example.com, campaign: {recipients: 3000},"
      " domains: {gmail.com: 1}}\n"
      "sender:\n  import: {pmta: \"" +
      kFixture + "\"}\n  destinations: {gmail: " + gmail_override + "}\n";
  return text;
}

/// The most gmail attempts one IP made in one clock hour, per the run's accounting log.
int busiest_ip_hour(const std::string& text) {
  const RunResult result = run_scenario(parse_scenario(text, "pmta-roundtrip.yaml"));
  std::size_t gmail = result.providers.size();
  for (std::size_t p = 0; p < result.providers.size(); ++p) {
    if (result.providers[p].name == "gmail") gmail = p;
  }
  std::map<std::pair<std::uint16_t, std::int64_t>, int> attempts;  // (ip, hour) -> attempts
  for (const AccountingRecord& record : result.accounting) {
    if (record.provider == gmail) ++attempts[{record.ip, record.logged / kHour}];
  }
  int busiest = 0;
  for (const auto& [key, count] : attempts) busiest = std::max(busiest, count);
  return busiest;
}

TEST(PmtaRoundTrip, TheAccountingLogKeepsTheImportedGmailRatePerIpAndHour) {
  const int busiest = busiest_ip_hour(roundtrip_text());
  EXPECT_LE(busiest, 501);  // max-msg-rate 500/h per queue, plus the bucket's one message of burst
  EXPECT_GE(busiest, 400);  // the limit paced the run, nothing slower
  // Without the imported limit the same run sends an IP's 1000 messages in its first hour.
  EXPECT_GT(busiest_ip_hour(roundtrip_text("{max_msg_rate: unlimited}")), 501);
}

}  // namespace
}  // namespace delivsim
