#include "models/kumomta_scheduler.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <optional>
#include <set>
#include <vector>

#include "models/mta_queue.h"

namespace delivsim {
namespace {

using std::chrono::minutes;
using std::chrono::seconds;

// --- Retry schedule
// -----------------------------------------------------------------------------------------

TEST(KumoRetryTest, DoublesTheRetryIntervalPerFailureWithinItsJitter) {
  // retry_interval 20 min: jitter magnitude min(20 min / 20, 60 s) = 60 s, so +-30 s.
  const RetrySchedule retry = kumomta_destination_defaults().retry;
  RandomEngine engine(7);
  const Duration now = minutes(100);
  for (int failures = 1; failures <= 6; ++failures) {
    const Duration base = minutes(20) * (1 << (failures - 1));
    for (int draw = 0; draw < 50; ++draw) {
      const Duration wait = kumomta_next_attempt(retry, failures, now, engine) - now;
      EXPECT_GE(wait, base - seconds(30)) << failures;
      EXPECT_LE(wait, base + seconds(30)) << failures;
    }
  }
}

TEST(KumoRetryTest, JitterIsATwentiethOfAShortIntervalAndSpreadsBothWays) {
  RetrySchedule retry = kumomta_destination_defaults().retry;
  retry.initial = seconds(60);  // magnitude 3 s: +-1.5 s
  RandomEngine engine(3);
  Duration lowest = Duration::max(), highest = Duration(0);
  for (int draw = 0; draw < 200; ++draw) {
    const Duration wait = kumomta_next_attempt(retry, 1, Duration(0), engine);
    lowest = std::min(lowest, wait);
    highest = std::max(highest, wait);
  }
  EXPECT_GE(lowest, Duration(58'500));
  EXPECT_LT(lowest, seconds(60));
  EXPECT_LE(highest, Duration(61'500));
  EXPECT_GT(highest, seconds(60));
}

TEST(KumoRetryTest, MaxRetryIntervalCapsTheDoubling) {
  RetrySchedule retry = kumomta_destination_defaults().retry;
  retry.max = minutes(30);
  RandomEngine engine(1);
  const Duration wait = kumomta_next_attempt(retry, 10, Duration(0), engine);
  EXPECT_GE(wait, minutes(30) - seconds(30));
  EXPECT_LE(wait, minutes(30) + seconds(30));
}

TEST(KumoRetryTest, SaturatesInsteadOfOverflowing) {
  RetrySchedule retry = kumomta_destination_defaults().retry;
  retry.max = kLongestSpan;
  RandomEngine engine(1);
  EXPECT_EQ(kumomta_next_attempt(retry, 200, Duration::max() - seconds(1), engine), Duration::max());
}

// --- MtaQueue with mta KumoMTA
// ---------------------------------------------------------------------------------

MtaQueue kumo_queue(const DestinationPolicy& policy, int messages) {
  MtaQueue queue(policy, false, RandomEngine(1));
  for (int m = 0; m < messages; ++m) queue.push_ready(static_cast<std::uint32_t>(m), Duration(m));
  return queue;
}

TEST(KumoQueueTest, ExpiresAtOnceWhenTheNextAttemptWouldPassMaxAge) {
  const DestinationPolicy policy = kumomta_destination_defaults();
  MtaQueue queue = kumo_queue(policy, 0);
  // Injected at 0, failing for the 9th time at 6 days: the next wait (20 min x 256, about 3.6 days) ends
  // after max_age (7 days), so KumoMTA expires the message now, not at the 7-day mark.
  const RetryPlan late = queue.plan_retry(nullptr, 9, Duration(0), Duration(0), std::chrono::days(6));
  EXPECT_TRUE(late.expires);
  EXPECT_EQ(late.at, std::chrono::days(6));
  const RetryPlan early = queue.plan_retry(nullptr, 1, Duration(0), Duration(0), minutes(1));
  EXPECT_FALSE(early.expires);
  EXPECT_NEAR(static_cast<double>(early.at.count()), static_cast<double>(Duration(minutes(21)).count()),
              30'000.0);
}

TEST(KumoQueueTest, BackoffModeAndRuleRetryAfterDoNotChangeTheRetry) {
  DestinationPolicy policy = kumomta_destination_defaults();
  PatternRule rule;
  rule.backoff = true;
  rule.retry_after = minutes(45);
  MtaQueue queue = kumo_queue(policy, 0);
  queue.record_reply(Duration(0), true, SmtpStep::EndOfData, &rule);
  ASSERT_TRUE(queue.in_backoff(Duration(0)));
  const RetryPlan plan = queue.plan_retry(&rule, 2, Duration(0), Duration(0), Duration(0));
  EXPECT_GE(plan.at, minutes(40) - seconds(30));  // the second failure: 40 minutes
  EXPECT_LE(plan.at, minutes(40) + seconds(30));
}

TEST(KumoQueueTest, KeepsConnectingAfterRefusalsUntilTheRunLimitThenDefersTheReadyMessages) {
  DestinationPolicy policy = kumomta_destination_defaults();
  policy.kumo.connection_failures_before_delay = 3;
  MtaQueue queue = kumo_queue(policy, 10);
  std::optional<Duration> wake_at;
  queue.record_reply(seconds(1), true, SmtpStep::Greeting, nullptr);
  queue.record_reply(seconds(1), true, SmtpStep::EndOfData, nullptr);  // a reply ends the run
  queue.record_reply(seconds(2), true, SmtpStep::Greeting, nullptr);
  queue.record_reply(seconds(2), true, SmtpStep::Greeting, nullptr);
  EXPECT_FALSE(queue.take_defer_ready_request());
  // No PowerMTA-style hold: a refused greeting leaves the queue free to connect again at once.
  EXPECT_TRUE(queue.may_open_connection(seconds(2), wake_at));
  queue.record_reply(seconds(2), true, SmtpStep::Greeting, nullptr);
  EXPECT_TRUE(queue.take_defer_ready_request());
  EXPECT_FALSE(queue.take_defer_ready_request());  // asked once
}

TEST(KumoQueueTest, MessagesBeyondMaxReadyWaitOutsideAndGetInAtRandomAsItDrains) {
  DestinationPolicy policy = kumomta_destination_defaults();
  policy.kumo.max_ready = 4;
  MtaQueue queue = kumo_queue(policy, 40);
  // Messages 0..3 are ready; 4..39 wait outside. Draining takes the ready ones oldest first, and each place
  // freed goes to a waiting message drawn at random: not in injection order, and none is lost.
  std::vector<std::uint32_t> order;
  while (queue.has_ready()) order.push_back(queue.pop_ready());
  ASSERT_EQ(order.size(), 40u);
  EXPECT_EQ(std::vector<std::uint32_t>(order.begin(), order.begin() + 4),
            (std::vector<std::uint32_t>{0, 1, 2, 3}));
  EXPECT_FALSE(std::is_sorted(order.begin(), order.end()));
  EXPECT_EQ(std::set<std::uint32_t>(order.begin(), order.end()).size(), 40u);
}

TEST(KumoQueueTest, WithoutOverflowTheReadyQueueIsOldestFirst) {
  const DestinationPolicy policy = kumomta_destination_defaults();  // max_ready 1024
  MtaQueue queue = kumo_queue(policy, 40);
  std::vector<std::uint32_t> order;
  while (queue.has_ready()) order.push_back(queue.pop_ready());
  EXPECT_TRUE(std::is_sorted(order.begin(), order.end()));
}

}  // namespace
}  // namespace delivsim
