#include <gtest/gtest.h>

#include <map>
#include <string>
#include <tuple>

#include "import_scenario_text.h"
#include "sim/import/pmta_import.h"
#include "sim/scenario/scenario_loader.h"
#include "sim/world/run.h"

namespace delivsim {
namespace {

const std::string kFixture = std::string(DELIVSIM_SOURCE_DIR) + "/tests/import/fixtures/pmta-example.conf";

/// The fixture imported, with its IPs and the sending domain made warm (a config does not say how warm they
/// are), and 3000 recipients at gmail.com sent at once through pool-marketing (three IPs) with accounting.
std::string roundtrip_text() {
  std::string text = imported_scenario_text(import_powermta({kFixture}), "pool-marketing", "gmail.com");
  const auto replace_all = [&](const std::string& from, const std::string& to) {
    for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
      text.replace(at, from.size(), to);
    }
  };
  replace_all("campaign: {recipients: 1}", "campaign: {recipients: 3000}");
  replace_all("age: new", "age: warm, established_per_day: 200000");
  replace_all("{name: example.com}", "{name: example.com, age: warm, established_per_day: 200000}");
  text.insert(text.size() - 1, ", duration: 1d, accounting: true");
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
  const std::string text = roundtrip_text();
  const int busiest = busiest_ip_hour(text);
  EXPECT_LE(busiest, 501);  // max-msg-rate 500/h per queue, plus the bucket's one message of burst
  EXPECT_GE(busiest, 400);  // the limit paced the run, nothing slower
  // Without the imported limit the same run sends an IP's 1000 messages in its first hour.
  std::string unlimited = text;
  for (auto at = unlimited.find("500/h"); at != std::string::npos; at = unlimited.find("500/h")) {
    unlimited.replace(at, 5, "unlimited");
  }
  EXPECT_GT(busiest_ip_hour(unlimited), 501);
}

}  // namespace
}  // namespace delivsim
