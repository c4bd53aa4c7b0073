// Suppression in whole runs: suppressed recipients are not mailed, the same recipients are drawn with and
// without suppression, and conservation counts only the messages sent.
#include <gtest/gtest.h>

#include "sim/kernel/rng_streams.h"
#include "sim/scenario/scenario_loader.h"
#include "sim/world/recipient_profile.h"
#include "sim/world/run.h"

namespace delivsim {
namespace {

constexpr std::int64_t kPopulation = 2000;

/// A warm sender streaming 20,000 a day for 3 days over 2,000 recipients (about 30 messages each) to a
/// generic provider that never defers; `list` is the traffic's list mapping.
Scenario stream_scenario(const std::string& list) {
  return parse_scenario(
      "name: hygiene\nseed: 5\nduration: 3d\n"
      "identities:\n  ips: [{address: 192.0.2.1, age: warm, established_per_day: 20000}]\n"
      "  domains: [{name: example.com, age: warm, established_per_day: 20000}]\n"
      "pools: {main: [192.0.2.1]}\n"
      "traffic:\n  - name: t\n    pool: main\n    dkim_domain: example.com\n"
      "    stream: {rate: 20000/d, population: " +
          std::to_string(kPopulation) + "}\n    domains: {example.org: 1.0}\n    list: " + list +
          "\nproviders:\n  p: {profile: generic, domains: [\"*\"]}\n",
      "hygiene.yaml");
}

std::int64_t unknown_user_bounces(const RunResult& result) {
  const auto& bounces = result.providers.at(0).bounces_by_reply;
  const auto it = bounces.find("550 5.1.1");
  return it == bounces.end() ? 0 : it->second;
}

TEST(SuppressionRun, HardBouncedRecipientsAreMailedAboutOnce) {
  const std::string quality = "unknown_user_share: 0.1, segments: [{name: all, share: 1, complaint_rate: 0}]";
  const Scenario off = stream_scenario("{" + quality + "}");
  const Scenario on = stream_scenario("{" + quality + ", suppress: {hard_bounces: true}}");
  const RunResult without = run_scenario(off);
  const RunResult with = run_scenario(on);

  // The recipients that do not exist, as the run's recipient key makes them.
  const RecipientProfiles profiles(on.traffic[0], kernel::RngStreams::derive_seed(5, "recipients:t"));
  std::int64_t unknown_recipients = 0;
  for (std::uint32_t r = 0; r < kPopulation; ++r) unknown_recipients += profiles.of(r).unknown_user;
  ASSERT_GT(unknown_recipients, 150);

  // Every unknown recipient is drawn (about 30 times each) and bounces at least once; with suppression
  // only messages drawn before the first bounce (the same minute's) bounce again.
  EXPECT_GE(unknown_user_bounces(with), unknown_recipients);
  EXPECT_LE(unknown_user_bounces(with), unknown_recipients + 60);
  EXPECT_GT(unknown_user_bounces(without), 20 * unknown_recipients);

  // Suppression does not change who is drawn: what was not sent is exactly what is missing.
  const TrafficResult& t_with = with.traffic.at(0);
  const TrafficResult& t_without = without.traffic.at(0);
  EXPECT_EQ(t_without.suppressed, 0);
  EXPECT_GT(t_with.suppressed, 0);
  EXPECT_EQ(t_with.injected + t_with.suppressed, t_without.injected);
  EXPECT_EQ(with.totals.injected, t_with.injected);
  EXPECT_TRUE(with.totals.conserved());
  EXPECT_EQ(with.totals.delivered, without.totals.delivered);  // only the dead addresses are dropped
}

TEST(SuppressionRun, UnengagedRecipientsGetNMessagesEngagedOnesKeepGettingMail) {
  const std::string never =
      "{segments: [{name: all, share: 1, complaint_rate: 0, open_rate: 0, not_spam_rate: 0}], "
      "suppress: {unengaged_after_sends: 3}}";
  const std::string always =
      "{segments: [{name: all, share: 1, complaint_rate: 0, open_rate: 1, not_spam_rate: 1}], "
      "suppress: {unengaged_after_sends: 3}}";
  const RunResult unengaged = run_scenario(stream_scenario(never));
  const RunResult engaged = run_scenario(stream_scenario(always));
  // Three deliveries per recipient, plus the few drawn in the same minute as the third.
  EXPECT_GE(unengaged.totals.delivered, 3 * kPopulation);
  EXPECT_LE(unengaged.totals.delivered, 3 * kPopulation + 100);
  EXPECT_EQ(unengaged.traffic.at(0).injected + unengaged.traffic.at(0).suppressed,
            engaged.traffic.at(0).injected);
  EXPECT_EQ(engaged.traffic.at(0).suppressed, 0);
}

TEST(SuppressionRun, ComplainersAreSuppressedWhenTheirComplaintArrives) {
  const std::string list = "{segments: [{name: all, share: 1, complaint_rate: 0.05, open_rate: 0.2}], ";
  const RunResult off = run_scenario(stream_scenario(list + "suppress: {hard_bounces: true}}"));
  const RunResult on = run_scenario(stream_scenario(list + "suppress: {complainers: true}}"));
  EXPECT_EQ(off.traffic.at(0).suppressed, 0);  // no unknown users: the bounce rule never fires
  EXPECT_GT(on.traffic.at(0).suppressed, 0);
  EXPECT_EQ(on.traffic.at(0).injected + on.traffic.at(0).suppressed, off.traffic.at(0).injected);
}

}  // namespace
}  // namespace delivsim
