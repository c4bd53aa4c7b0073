// Traffic sources: campaign spreading and stream volumes against closed forms.
#include "sim/world/traffic_source.h"

#include <gtest/gtest.h>

namespace delivsim {
namespace {

TrafficSpec campaign(std::int64_t recipients, Duration at, Duration over) {
  TrafficSpec spec;
  spec.name = "c";
  spec.campaign = TrafficSpec::Campaign{recipients, at, over};
  spec.domain_mix = {{"gmail.com", 0.6}, {"example.org", 0.4}};
  spec.list.segments = {EngagementSegment{"all", 1.0, 0.0, 0.0, 0.0}};
  return spec;
}

std::int64_t inject_all(TrafficSource& source, std::vector<std::int64_t>* per_tick = nullptr) {
  std::vector<DrawnRecipient> drawn;
  std::int64_t total = 0;
  std::optional<Duration> tick = source.first_tick();
  while (tick) {
    source.draw_tick(*tick, drawn);
    total += static_cast<std::int64_t>(drawn.size());
    if (per_tick) per_tick->push_back(static_cast<std::int64_t>(drawn.size()));
    tick = source.next_tick(*tick);
  }
  return total;
}

TEST(TrafficSource, CampaignAtOnceInjectsEveryRecipientInTheFirstTick) {
  const TrafficSpec spec = campaign(5000, std::chrono::hours(2), Duration(0));
  TrafficSource source(spec, std::chrono::hours(24), RandomEngine(1), 1);
  EXPECT_EQ(source.first_tick(), std::chrono::hours(2));
  std::vector<std::int64_t> per_tick;
  EXPECT_EQ(inject_all(source, &per_tick), 5000);
  EXPECT_EQ(per_tick.front(), 5000);
}

TEST(TrafficSource, CampaignOverAnHourSpreadsEvenlyPerMinute) {
  const TrafficSpec spec = campaign(6000, Duration(0), std::chrono::hours(1));
  TrafficSource source(spec, std::chrono::hours(24), RandomEngine(1), 1);
  std::vector<std::int64_t> per_tick;
  EXPECT_EQ(inject_all(source, &per_tick), 6000);
  ASSERT_EQ(per_tick.size(), 60u);
  for (std::int64_t n : per_tick) EXPECT_EQ(n, 100);
}

TEST(TrafficSource, DomainMixFollowsShares) {
  const TrafficSpec spec = campaign(100000, Duration(0), Duration(0));
  TrafficSource source(spec, std::chrono::hours(24), RandomEngine(7), 1);
  std::vector<DrawnRecipient> drawn;
  source.draw_tick(Duration(0), drawn);
  const auto gmail = std::count_if(drawn.begin(), drawn.end(),
                                   [](const DrawnRecipient& r) { return r.profile.domain == 0; });
  EXPECT_NEAR(static_cast<double>(gmail) / 100000.0, 0.6, 0.01);
}

TEST(TrafficSource, PoissonStreamMatchesItsDailyRate) {
  TrafficSpec spec = campaign(1, Duration(0), Duration(0));
  spec.campaign.reset();
  spec.stream = TrafficSpec::Stream{Rate::per_day(14400), Duration(0), std::nullopt, 0.5, 14, 1000};
  TrafficSource source(spec, std::chrono::hours(24 * 10), RandomEngine(3), 1);
  const std::int64_t total = inject_all(source);
  // 10 days at 14,400/day: mean 144,000, sd ~380; the diurnal shape integrates to 1 over whole days.
  EXPECT_NEAR(static_cast<double>(total), 144000.0, 2000.0);
}

}  // namespace
}  // namespace delivsim
