// Recipient profiles: a recipient is the same person on every message, and the list's shares are the
// expected shares of its recipients.
#include "sim/world/recipient_profile.h"

#include <gtest/gtest.h>

#include <map>

#include "sim/world/traffic_source.h"

namespace delivsim {
namespace {

TrafficSpec stream_spec(std::int64_t population) {
  TrafficSpec spec;
  spec.name = "s";
  spec.stream = TrafficSpec::Stream{Rate::per_day(100000), Duration(0), std::nullopt, 0.0, 14, population};
  spec.domain_mix = {{"gmail.com", 0.6}, {"example.org", 0.4}};
  spec.list.unknown_user_share = 0.03;
  spec.list.spam_trap_share = 0.01;
  spec.list.segments = {EngagementSegment{"engaged", 0.3, 0.0, 0.5, 0.0},
                        EngagementSegment{"lapsed", 0.7, 0.0, 0.05, 0.0}};
  return spec;
}

bool same(const RecipientProfile& a, const RecipientProfile& b) {
  return a.domain == b.domain && a.segment == b.segment && a.unknown_user == b.unknown_user &&
         a.spam_trap == b.spam_trap;
}

TEST(RecipientProfiles, TheSharesAreTheExpectedSharesOfTheRecipients) {
  const TrafficSpec spec = stream_spec(200000);
  const RecipientProfiles profiles(spec, 42);
  double unknown = 0, traps = 0, lapsed = 0, gmail = 0;
  const std::uint32_t n = 200000;
  for (std::uint32_t i = 0; i < n; ++i) {
    const RecipientProfile r = profiles.of(i);
    unknown += r.unknown_user;
    traps += r.spam_trap;
    lapsed += r.segment == 1;
    gmail += r.domain == 0;
    EXPECT_FALSE(r.unknown_user && r.spam_trap);
  }
  // Binomial sd at n = 200,000: 0.0004 (3%), 0.0002 (1%), 0.001 (70%), 0.0011 (60%); bounds are ~5 sd.
  EXPECT_NEAR(unknown / n, 0.03, 0.002);
  EXPECT_NEAR(traps / n, 0.01, 0.001);
  EXPECT_NEAR(lapsed / n, 0.7, 0.005);
  EXPECT_NEAR(gmail / n, 0.6, 0.005);
}

TEST(RecipientProfiles, AProfileDependsOnlyOnTheKeyAndTheIndex) {
  const TrafficSpec spec = stream_spec(1000);
  const RecipientProfiles a(spec, 7), b(spec, 7), other(spec, 8);
  int differ = 0;
  for (std::uint32_t i = 1000; i-- > 0;) {  // any order of asking gives the same answers
    EXPECT_TRUE(same(a.of(i), b.of(i))) << i;
    EXPECT_TRUE(same(a.of(i), a.of(i))) << i;
    differ += !same(a.of(i), other.of(i));
  }
  // Another key is another list: about 1 - (0.6² + 0.4²)(0.3² + 0.7²)(...) of the recipients differ.
  EXPECT_GT(differ, 500);
}

TEST(RecipientProfiles, AStreamSendsEveryMessageOfARecipientToTheSamePerson) {
  const TrafficSpec spec = stream_spec(50);
  // Two sources with different draw engines but the same recipient key: the same people.
  TrafficSource first(spec, std::chrono::hours(24), RandomEngine(1), 99);
  TrafficSource second(spec, std::chrono::hours(24), RandomEngine(2), 99);
  std::map<std::uint32_t, RecipientProfile> seen;
  std::vector<DrawnRecipient> drawn;
  int repeats = 0;
  for (TrafficSource* source : {&first, &second}) {
    for (std::optional<Duration> tick = source->first_tick(); tick; tick = source->next_tick(*tick)) {
      source->draw_tick(*tick, drawn);
      for (const DrawnRecipient& r : drawn) {
        const auto [it, inserted] = seen.try_emplace(r.recipient, r.profile);
        if (!inserted) {
          ++repeats;
          EXPECT_TRUE(same(it->second, r.profile)) << r.recipient;
        }
      }
    }
  }
  EXPECT_GT(repeats, 100000);  // 2 x 100,000 messages to 50 recipients
}

}  // namespace
}  // namespace delivsim
