// Whole runs with Microsoft's SNDS-style filter colours (docs/model.md 5.1): each IP's day gets the colour of
// its spam-folder share with a provider whose profile has colour bands; other providers get none.
#include <gtest/gtest.h>

#include "tests/scenario_fixture.h"

namespace delivsim {
namespace {

using testing::provider;

/// Two warm IPs send `rate` a day for `days` days, half to outlook.com (profile microsoft), half to
/// gmail.com; `microsoft_params` and `list` are YAML text.
struct TwoIpsTwoProviders {
  std::string days = "3";
  std::string rate = "4000/d";
  std::string microsoft_params = "{}";
  std::string list = "{unknown_user_share: 0}";

  RunResult run() const {
    const std::string text =
        "name: colours\nseed: 7\nduration: " + days +
        "d\nidentities:\n  ips:\n"
        "    - {address: 192.0.2.1, age: warm, established_per_day: 100000}\n"
        "    - {address: 192.0.2.2, age: warm, established_per_day: 100000}\n"
        "  domains: [{name: example.com, age: warm, established_per_day: 100000}]\n"
        "pools: {main: [192.0.2.1, 192.0.2.2]}\ntraffic:\n"
        "  - {name: t, pool: main, dkim_domain: example.com, stream: {rate: " +
        rate + ", population: 200000}, domains: {outlook.com: 0.5, gmail.com: 0.5}, list: " + list +
        "}\nproviders:\n  microsoft: {profile: microsoft, domains: [outlook.com], params: " +
        microsoft_params + "}\n  gmail: {profile: gmail, domains: [gmail.com]}\n";
    return run_scenario(parse_scenario(text, "colours.yaml"));
  }
};

/// Every placement share the same, and the warm score kept, so the day's spam share is 1 - `share` give or
/// take a binomial draw (the warm score 0.8 is the bottom of HIGH, where the share is inbox_share_high).
std::string fixed_inbox_share(const std::string& share) {
  return "{inbox_share_high: " + share + ", inbox_share_medium: " + share + ", inbox_share_low: " + share +
         ", inbox_share_bad: " + share + ", warm_identity_score: 0.8, score_rise_per_day: 0}";
}

const IdentityResult& ip_with(const RunResult& result, const std::string& ip, const std::string& provider) {
  for (const IdentityResult& identity : result.identities) {
    if (identity.kind == IdentityKind::Ip && identity.id == ip && identity.provider == provider)
      return identity;
  }
  throw std::out_of_range("no identity " + ip + " with " + provider);
}

struct ShareColours {
  std::string inbox_share;
  FilterColourDays each_ip;  ///< 3 days of one colour per IP
};

class FixedPlacementColours : public ::testing::TestWithParam<ShareColours> {};

TEST_P(FixedPlacementColours, EveryIpDayHasTheColourOfItsSpamShare) {
  TwoIpsTwoProviders scenario;
  scenario.microsoft_params = fixed_inbox_share(GetParam().inbox_share);
  const RunResult result = scenario.run();
  const FilterColourDays& expected = GetParam().each_ip;
  for (const std::string ip : {"192.0.2.1", "192.0.2.2"}) {
    const IdentityResult& identity = ip_with(result, ip, "microsoft");
    ASSERT_TRUE(identity.filter_colours.has_value()) << ip;
    EXPECT_EQ(*identity.filter_colours, expected) << ip;
    EXPECT_FALSE(ip_with(result, ip, "gmail").filter_colours.has_value()) << "gmail has no bands";
  }
  FilterColourDays ip_days = expected;
  ip_days.add(expected);  // two IPs
  ASSERT_TRUE(provider(result, "microsoft").filter_colours.has_value());
  EXPECT_EQ(*provider(result, "microsoft").filter_colours, ip_days);
  EXPECT_FALSE(provider(result, "gmail").filter_colours.has_value());
  for (const IdentityResult& identity : result.identities) {
    EXPECT_EQ(identity.filter_colours.has_value(),
              identity.kind == IdentityKind::Ip && identity.provider == "microsoft")
        << identity.id;
  }
}

// About 1,000 deliveries per IP and day: a binomial spam share lies far from the 10% and 90% edges.
INSTANTIATE_TEST_SUITE_P(Shares, FixedPlacementColours,
                         ::testing::Values(ShareColours{"1.0", {.green = 3, .yellow = 0, .red = 0}},
                                           ShareColours{"0.5", {.green = 0, .yellow = 3, .red = 0}},
                                           ShareColours{"0.0", {.green = 0, .yellow = 0, .red = 3}}));

TEST(FilterColoursRun, ACleanListStaysGreenAndABadListTurnsYellow) {
  TwoIpsTwoProviders clean;
  clean.days = "10";
  clean.rate = "8000/d";  // 2,000 a day per IP to Microsoft: enough inbox mail for a daily spam rate
  clean.list = "{unknown_user_share: 0, segments: [{name: all, share: 1.0, complaint_rate: 0.0001}]}";
  const FilterColourDays clean_days = *provider(clean.run(), "microsoft").filter_colours;
  EXPECT_EQ(clean_days, (FilterColourDays{.green = 20, .yellow = 0, .red = 0}));

  TwoIpsTwoProviders bad = clean;
  bad.list = "{unknown_user_share: 0, segments: [{name: all, share: 1.0, complaint_rate: 0.02}]}";
  const RunResult result = bad.run();
  const FilterColourDays bad_days = *provider(result, "microsoft").filter_colours;
  EXPECT_GT(bad_days.yellow + bad_days.red, 0) << "complaints lower the tier, and placement with it";
  EXPECT_GE(ip_with(result, "192.0.2.1", "microsoft").filter_colours->worst(), FilterColour::Yellow);
}

}  // namespace
}  // namespace delivsim
