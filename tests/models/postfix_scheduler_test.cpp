#include "models/postfix_scheduler.h"

#include <gtest/gtest.h>

#include <optional>

#include "models/mta_queue.h"

namespace delivsim {
namespace {

using std::chrono::seconds;

constexpr Duration kMin = seconds(300), kMax = seconds(4000), kRun = seconds(300);

// --- Backoff and queue runs
// ----------------------------------------------------------------------------------

TEST(PostfixBackoffTest, WaitsTheMessageAgeBetweenMinimalAndMaximalBackoff) {
  // No queue-run rounding (1 s runs): the wait is clamp(age, 300 s, 4000 s).
  EXPECT_EQ(postfix_next_attempt(Duration(0), seconds(10), kMin, kMax, seconds(1)), seconds(310));
  EXPECT_EQ(postfix_next_attempt(Duration(0), seconds(1000), kMin, kMax, seconds(1)), seconds(2000));
  EXPECT_EQ(postfix_next_attempt(Duration(0), seconds(9000), kMin, kMax, seconds(1)), seconds(13000));
}

TEST(PostfixBackoffTest, TimeBetweenAttemptsDoublesUpToTheMaximum) {
  // A message failing at once each time it is tried: attempts at 0, 300, 600, 1200, 2400, 4800, 8800.
  Duration now = Duration(0);
  Duration previous_gap = Duration(0);
  const Duration expected_gaps[] = {seconds(300),  seconds(300),  seconds(600), seconds(1200),
                                    seconds(2400), seconds(4000), seconds(4000)};
  for (const Duration expected : expected_gaps) {
    const Duration next = postfix_next_attempt(Duration(0), now, kMin, kMax, seconds(1));
    EXPECT_EQ(next - now, expected);
    EXPECT_GE(next - now, previous_gap);
    previous_gap = next - now;
    now = next;
  }
}

TEST(PostfixBackoffTest, NextTryIsTheFirstQueueRunAtOrAfterTheBackoffEnd) {
  // ceil((now + wait) / queue_run_delay) * queue_run_delay
  EXPECT_EQ(postfix_next_attempt(Duration(0), seconds(10), kMin, kMax, kRun), seconds(600));   // 310 -> 600
  EXPECT_EQ(postfix_next_attempt(Duration(0), seconds(300), kMin, kMax, kRun), seconds(600));  // on a run
  EXPECT_EQ(postfix_next_attempt(seconds(100), seconds(1000), kMin, kMax, seconds(700)), seconds(2100));
}

TEST(PostfixBackoffTest, SaturatesInsteadOfOverflowing) {
  const Duration late = Duration::max() - seconds(10);
  EXPECT_EQ(postfix_next_attempt(Duration(0), late, kMin, kMax, kRun), Duration::max());
}

// --- Concurrency window
// ---------------------------------------------------------------------------------------

PostfixScheduling scheduling(int initial, int failed_cohort_limit) {
  PostfixScheduling s;
  s.initial_concurrency = initial;
  s.failed_cohort_limit = failed_cohort_limit;
  return s;
}

TEST(PostfixConcurrencyTest, SlowStartGrowsByOnePerCompletedDeliveryUpToTheLimit) {
  PostfixConcurrency window(scheduling(5, 1), 20, kMin);
  EXPECT_EQ(window.window(Duration(0)), 5);
  for (int i = 0; i < 5; ++i) window.delivery_completed(5);  // one pseudo-cohort: the window doubles
  EXPECT_EQ(window.window(Duration(0)), 10);
  for (int i = 0; i < 100; ++i) window.delivery_completed(20);
  EXPECT_EQ(window.window(Duration(0)), 20);
}

TEST(PostfixConcurrencyTest, TheWindowStaysWithinTheInitialConcurrencyOfTheBusyConnections) {
  PostfixConcurrency window(scheduling(5, 1), 20, kMin);
  for (int i = 0; i < 100; ++i) window.delivery_completed(2);  // only 2 connections in use
  EXPECT_EQ(window.window(Duration(0)), 7);
}

TEST(PostfixConcurrencyTest, InitialConcurrencyIsCappedByTheLimit) {
  PostfixConcurrency window(scheduling(5, 1), 1, kMin);  // a rate delay forces the limit to 1
  EXPECT_EQ(window.window(Duration(0)), 1);
  window.delivery_completed(1);
  EXPECT_EQ(window.window(Duration(0)), 1);
}

TEST(PostfixConcurrencyTest, ConnectionFailuresShrinkTheWindowAndAFailedCohortKillsTheDestination) {
  PostfixConcurrency window(scheduling(5, 1), 20, kMin);
  // Failures count 1/window each: 1/5 + 1/4 + 1/3 = 0.78 < 1, the fourth (+1/2) reaches a cohort.
  for (int i = 0; i < 3; ++i) window.connection_failed(seconds(10));
  EXPECT_EQ(window.window(seconds(10)), 2);
  window.connection_failed(seconds(20));
  EXPECT_EQ(window.window(seconds(20)), 0);  // dead
  EXPECT_EQ(window.dead_until(), seconds(20) + kMin);
  EXPECT_EQ(window.window(seconds(319)), 0);
  EXPECT_EQ(window.window(seconds(320)), 5);  // back at the initial concurrency after minimal_backoff_time
}

TEST(PostfixConcurrencyTest, AGoodDeliveryForgetsEarlierFailures) {
  PostfixConcurrency window(scheduling(5, 1), 20, kMin);
  for (int round = 0; round < 10; ++round) {
    window.connection_failed(seconds(round));
    window.delivery_completed(5);
  }
  EXPECT_EQ(window.window(seconds(10)), 5);  // -1 +1 each round, never a whole failed cohort
}

TEST(PostfixConcurrencyTest, AGoodDeliveryInProgressRevivesADeadDestination) {
  PostfixConcurrency window(scheduling(5, 1), 20, kMin);
  for (int i = 0; i < 4; ++i) window.connection_failed(Duration(0));
  ASSERT_EQ(window.window(seconds(1)), 0);
  window.delivery_completed(3);  // a connection opened before the failures delivers: back at 3
  EXPECT_EQ(window.window(seconds(1)), 3);
  for (int i = 0; i < 4; ++i) window.connection_failed(seconds(2));
  ASSERT_EQ(window.window(seconds(2)), 0);
  window.delivery_completed(0);
  EXPECT_EQ(window.window(seconds(2)), 5);
}

TEST(PostfixConcurrencyTest, CohortLimitZeroNeverKillsTheDestination) {
  PostfixConcurrency window(scheduling(5, 0), 20, kMin);
  for (int i = 0; i < 50; ++i) window.connection_failed(seconds(i));
  EXPECT_EQ(window.window(seconds(50)), 1);
}

TEST(PostfixConcurrencyTest, AHigherCohortLimitNeedsMoreFailures) {
  PostfixConcurrency window(scheduling(5, 2), 20, kMin);
  // Cohorts: 1/5+1/4+1/3+1/2+1 = 2.28 after five failures; four give 1.28.
  for (int i = 0; i < 4; ++i) window.connection_failed(Duration(0));
  EXPECT_EQ(window.window(Duration(0)), 1);
  window.connection_failed(Duration(0));
  EXPECT_EQ(window.window(Duration(0)), 0);
}

// --- MtaQueue with mta Postfix
// ---------------------------------------------------------------------------------

int open_all(MtaQueue& queue, Duration now, std::optional<Duration>& wake_at) {
  while (queue.needs_connection() && queue.may_open_connection(now, wake_at)) queue.connection_opened();
  return queue.open_connections();
}

MtaQueue postfix_queue(DestinationPolicy& policy, int messages) {
  policy = postfix_destination_defaults();
  MtaQueue queue(policy, false, RandomEngine(1));
  for (int m = 0; m < messages; ++m) queue.push_ready(static_cast<std::uint32_t>(m), Duration(0));
  return queue;
}

TEST(PostfixQueueTest, StartsAtTheInitialConcurrency) {
  DestinationPolicy policy;
  MtaQueue queue = postfix_queue(policy, 100);
  std::optional<Duration> wake_at;
  EXPECT_EQ(open_all(queue, Duration(0), wake_at), 5);
}

TEST(PostfixQueueTest, TransientRepliesAfterTheGreetingAreNotNegativeFeedback) {
  DestinationPolicy policy;
  MtaQueue queue = postfix_queue(policy, 100);
  // Gmail's 421 4.7.28 at end of DATA, 421 at MAIL FROM and RCPT TO on the 5 open connections: the window
  // grows as for deliveries.
  std::optional<Duration> wake_at;
  ASSERT_EQ(open_all(queue, Duration(0), wake_at), 5);
  queue.record_reply(Duration(0), true, SmtpStep::EndOfData, nullptr);
  queue.record_reply(Duration(0), true, SmtpStep::MailFrom, nullptr);
  queue.record_reply(Duration(0), true, SmtpStep::RcptTo, nullptr);
  EXPECT_EQ(queue.connection_limit(Duration(0)), 8);
  EXPECT_EQ(open_all(queue, Duration(0), wake_at), 8);
}

TEST(PostfixQueueTest, GreetingFailuresKillTheDestinationUntilMinimalBackoff) {
  DestinationPolicy policy;
  MtaQueue queue = postfix_queue(policy, 100);
  for (int i = 0; i < 4; ++i) queue.record_reply(seconds(5), true, SmtpStep::Greeting, nullptr);
  std::optional<Duration> wake_at;
  EXPECT_EQ(open_all(queue, seconds(5), wake_at), 0);
  EXPECT_EQ(wake_at, seconds(305));
  EXPECT_EQ(open_all(queue, seconds(305), wake_at), 5);
}

TEST(PostfixQueueTest, PlansRetriesAtQueueRunsAndIgnoresPowerMtaRetryModes) {
  DestinationPolicy policy;
  MtaQueue queue = postfix_queue(policy, 0);
  const RetryPlan plan = queue.plan_retry(nullptr, 1, seconds(10), Duration(0), seconds(10));
  EXPECT_EQ(plan.at, seconds(600));
  EXPECT_FALSE(plan.expires);
  // A greeting failure does not hold the queue PowerMTA-style: with one failure it may still connect.
  queue.push_ready(1, Duration(0));
  queue.record_reply(seconds(10), true, SmtpStep::Greeting, nullptr);
  std::optional<Duration> wake_at;
  EXPECT_EQ(open_all(queue, seconds(10), wake_at), 1);
}

TEST(PostfixQueueTest, RateDelayMeansOneConnectionAndOneDeliveryPerDelay) {
  DestinationPolicy policy = postfix_destination_defaults();
  policy.postfix.rate_delay = seconds(2);
  MtaQueue queue(policy, false, RandomEngine(1));
  for (std::uint32_t m = 0; m < 10; ++m) queue.push_ready(m, Duration(0));
  std::optional<Duration> wake_at;
  EXPECT_EQ(open_all(queue, Duration(0), wake_at), 1);
  EXPECT_EQ(queue.take_send_slot(Duration(0)), Duration(0));
  EXPECT_EQ(queue.take_send_slot(Duration(0)), seconds(2));
  EXPECT_EQ(queue.take_send_slot(seconds(2)), Duration(0));
}

TEST(PostfixQueueTest, PowerMtaHoldsTheQueueAfterOneGreetingFailure) {
  DestinationPolicy policy;  // the default mta
  MtaQueue queue(policy, false, RandomEngine(1));
  queue.push_ready(1, Duration(0));
  queue.record_reply(seconds(10), true, SmtpStep::Greeting, nullptr);
  std::optional<Duration> wake_at;
  EXPECT_EQ(open_all(queue, seconds(10), wake_at), 0);
  EXPECT_EQ(wake_at, seconds(10) + std::chrono::minutes(10));
}

}  // namespace
}  // namespace delivsim
