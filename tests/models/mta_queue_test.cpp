#include "models/mta_queue.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>

namespace delivsim {
namespace {

using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;

MtaQueue make_queue(const DestinationPolicy& policy, bool warming = false) {
  return MtaQueue(policy, warming, RandomEngine(1));
}

void push_messages(MtaQueue& queue, std::uint32_t count, Duration injected = Duration(0)) {
  for (std::uint32_t m = 0; m < count; ++m) queue.push_ready(m, injected);
}

/// Opens connections at `now` while one is needed and allowed; returns the last refusal's wake-up time.
std::optional<Duration> open_while_allowed(MtaQueue& queue, Duration now) {
  std::optional<Duration> wake_at;
  while (queue.needs_connection() && queue.may_open_connection(now, wake_at)) queue.connection_opened();
  return wake_at;
}

// --- Connections -------------------------------------------------------------------------------------------

TEST(MtaQueueTest, OpensConnectionsUpToMaxSmtpOut) {
  DestinationPolicy policy;
  policy.max_smtp_out = 3;
  MtaQueue queue = make_queue(policy);
  push_messages(queue, 10);
  EXPECT_EQ(open_while_allowed(queue, Duration(0)), std::nullopt);  // the limit passes only as one closes
  EXPECT_EQ(queue.open_connections(), 3);
  EXPECT_TRUE(queue.needs_connection());
  queue.connection_closed();
  open_while_allowed(queue, Duration(0));
  EXPECT_EQ(queue.open_connections(), 3);
}

TEST(MtaQueueTest, AConnectionIdlesOnlyWithAnIdleTimeoutNothingReadyAndRoomForMore) {
  DestinationPolicy policy;
  EXPECT_FALSE(make_queue(policy).connection_may_idle(0)) << "PowerMTA's default: close at once";
  policy.idle_timeout = seconds(60);
  policy.max_msg_per_connection = 3;
  MtaQueue queue = make_queue(policy);
  EXPECT_TRUE(queue.connection_may_idle(2));
  EXPECT_FALSE(queue.connection_may_idle(3)) << "at max_msg_per_connection it can carry no more";
  push_messages(queue, 1);
  EXPECT_FALSE(queue.connection_may_idle(0)) << "a ready message is sent, not waited beside";
}

TEST(MtaQueueTest, AnIdleConnectionIsWokenBeforeANewOneOpens) {
  DestinationPolicy policy;
  policy.idle_timeout = seconds(60);
  MtaQueue queue = make_queue(policy);
  queue.connection_opened();
  queue.connection_opened();
  queue.connection_idled();  // one idle, one still in setup
  EXPECT_FALSE(queue.needs_idle_connection());
  push_messages(queue, 1);  // the connection in setup will take it
  EXPECT_FALSE(queue.needs_idle_connection());
  EXPECT_FALSE(queue.needs_connection());
  queue.push_ready(7, Duration(0));  // two ready: the idle connection is needed, no new one
  EXPECT_TRUE(queue.needs_idle_connection());
  EXPECT_FALSE(queue.needs_connection());
  queue.connection_woken();
  EXPECT_FALSE(queue.needs_idle_connection());
}

TEST(MtaQueueTest, NeedsAConnectionOnlyForAReadyMessageNoFreeConnectionWillTake) {
  DestinationPolicy policy;
  MtaQueue queue = make_queue(policy);
  EXPECT_FALSE(queue.needs_connection());
  push_messages(queue, 2);
  open_while_allowed(queue, Duration(0));
  EXPECT_EQ(queue.open_connections(), 2);
  EXPECT_FALSE(queue.needs_connection());
  queue.start_transaction(Duration(0));  // one connection busy, one message left for the other
  EXPECT_EQ(queue.free_connections(), 1);
  EXPECT_FALSE(queue.needs_connection());
  queue.push_ready(7, Duration(0));  // two ready, one free connection
  EXPECT_TRUE(queue.needs_connection());
  queue.transaction_ended();
  EXPECT_EQ(queue.free_connections(), 2);
  EXPECT_FALSE(queue.needs_connection());
}

TEST(MtaQueueTest, ConnectionRatePacesNewConnections) {
  DestinationPolicy policy;
  policy.max_conn_rate = Rate::per_hour(60);  // one a minute
  MtaQueue queue = make_queue(policy);
  push_messages(queue, 5);
  EXPECT_EQ(open_while_allowed(queue, Duration(0)), minutes(1));
  EXPECT_EQ(queue.open_connections(), 1);
  EXPECT_EQ(open_while_allowed(queue, seconds(30)), minutes(1));
  EXPECT_EQ(open_while_allowed(queue, minutes(1)), minutes(2));
  EXPECT_EQ(queue.open_connections(), 2);
}

TEST(MtaQueueTest, ConnectionCarriesAtMostMaxMsgPerConnection) {
  DestinationPolicy policy;
  policy.max_msg_per_connection = 2;
  MtaQueue queue = make_queue(policy);
  push_messages(queue, 5);
  std::optional<Duration> wake_at;
  EXPECT_TRUE(queue.connection_may_send(0, Duration(0), wake_at));
  EXPECT_TRUE(queue.connection_may_send(1, Duration(0), wake_at));
  EXPECT_FALSE(queue.connection_may_send(2, Duration(0), wake_at));
  EXPECT_EQ(wake_at, std::nullopt);  // a new connection may send at once

  DestinationPolicy unlimited;  // PowerMTA default: no limit
  MtaQueue other = make_queue(unlimited);
  push_messages(other, 1);
  EXPECT_TRUE(other.connection_may_send(100000, Duration(0), wake_at));
}

TEST(MtaQueueTest, ConnectionStopsWhenNothingIsReady) {
  DestinationPolicy policy;
  MtaQueue queue = make_queue(policy);
  std::optional<Duration> wake_at;
  EXPECT_FALSE(queue.connection_may_send(0, Duration(0), wake_at));
  EXPECT_EQ(wake_at, std::nullopt);
}

// --- Sending -----------------------------------------------------------------------------------------------

TEST(MtaQueueTest, StartTransactionTakesTheOldestReadyMessage) {
  DestinationPolicy policy;
  MtaQueue queue = make_queue(policy);
  queue.push_ready(5, Duration(100));
  queue.push_ready(2, Duration(40));  // a retry, injected earlier
  EXPECT_EQ(queue.start_transaction(Duration(200)), 2u);
  EXPECT_EQ(queue.start_transaction(Duration(200)), 5u);
  EXPECT_EQ(queue.ready_count(), 0u);
}

TEST(MtaQueueTest, MessageRatePacesSends) {
  DestinationPolicy policy;
  policy.max_msg_rate = Rate::per_hour(3600);  // one a second
  MtaQueue queue = make_queue(policy);
  EXPECT_EQ(queue.take_send_slot(Duration(0)), Duration(0));
  EXPECT_EQ(queue.take_send_slot(Duration(0)), seconds(1));
  EXPECT_EQ(queue.take_send_slot(Duration(400)), Duration(600));
  EXPECT_EQ(queue.take_send_slot(seconds(1)), Duration(0));

  DestinationPolicy unlimited;
  MtaQueue other = make_queue(unlimited);
  for (int i = 0; i < 3; ++i) EXPECT_EQ(other.take_send_slot(Duration(0)), Duration(0));
}

TEST(MtaQueueTest, WarmupDailyCapStopsSendingUntilTheNextDay) {
  DestinationPolicy policy;
  policy.warmup.kind = WarmupSchedule::Kind::Table;
  policy.warmup.table = {3, 5};
  policy.warmup.spread_hourly = false;
  MtaQueue queue = make_queue(policy, /*warming=*/true);
  push_messages(queue, 20);
  std::optional<Duration> wake_at;
  for (int i = 0; i < 3; ++i) {
    ASSERT_TRUE(queue.connection_may_send(0, hours(1), wake_at)) << i;
    queue.start_transaction(hours(1));
  }
  EXPECT_FALSE(queue.connection_may_send(0, hours(2), wake_at));
  EXPECT_EQ(wake_at, hours(24));
  wake_at.reset();
  EXPECT_FALSE(queue.may_open_connection(hours(2), wake_at));
  EXPECT_EQ(wake_at, hours(24));
  for (int i = 0; i < 5; ++i) {
    ASSERT_TRUE(queue.connection_may_send(0, hours(24), wake_at)) << i;
    queue.start_transaction(hours(24));
  }
  EXPECT_FALSE(queue.connection_may_send(0, hours(30), wake_at));

  MtaQueue warm = make_queue(policy, /*warming=*/false);  // an IP with history: no cap
  push_messages(warm, 20);
  for (int i = 0; i < 10; ++i) warm.start_transaction(hours(1));
  EXPECT_TRUE(warm.connection_may_send(0, hours(1), wake_at));
}

TEST(MtaQueueTest, WarmupSpreadHourlyCapsEachHourAndAnEmptyDayWaitsForTheNext) {
  DestinationPolicy policy;
  policy.warmup.kind = WarmupSchedule::Kind::Table;
  policy.warmup.table = {2};  // 2 a day, so ceil(2 / 24) = 1 an hour
  MtaQueue queue = make_queue(policy, /*warming=*/true);
  push_messages(queue, 10);
  std::optional<Duration> wake_at;
  queue.start_transaction(minutes(10));
  EXPECT_FALSE(queue.connection_may_send(0, minutes(20), wake_at));
  EXPECT_EQ(wake_at, hours(1));
  EXPECT_TRUE(queue.connection_may_send(0, hours(1), wake_at));
  queue.start_transaction(hours(1));
  EXPECT_FALSE(queue.connection_may_send(0, hours(2), wake_at));
  EXPECT_EQ(wake_at, hours(24));  // the day's 2 are sent
}

// --- Replies -----------------------------------------------------------------------------------------------

TEST(MtaQueueTest, BackoffRuleSwitchesToBackoffPaceAndBackToNormalAfterToNormalAfter) {
  DestinationPolicy policy;  // normal mode: no message rate limit
  policy.backoff.max_msg_rate = Rate::per_hour(60);
  policy.backoff.retry_after = minutes(30);
  policy.backoff.to_normal_after = hours(1);
  PatternRule rule;
  rule.pattern = "421 4.7.28";
  rule.backoff = true;
  MtaQueue queue = make_queue(policy);
  const Duration t0 = hours(2);
  queue.record_reply(t0, /*deferred=*/true, SmtpStep::EndOfData, &rule);
  EXPECT_TRUE(queue.in_backoff(t0));
  EXPECT_EQ(queue.take_send_slot(t0), Duration(0));
  EXPECT_EQ(queue.take_send_slot(t0), minutes(1));  // the backoff pace
  EXPECT_EQ(queue.plan_retry(nullptr, 1, t0, t0, t0 + minutes(5)).at, t0 + minutes(35));

  const Duration normal = t0 + hours(1);
  EXPECT_TRUE(queue.in_backoff(normal - Duration(1)));
  EXPECT_FALSE(queue.in_backoff(normal));
  EXPECT_EQ(queue.take_send_slot(normal), Duration(0));
  EXPECT_EQ(queue.take_send_slot(normal), Duration(0));                              // unlimited again
  EXPECT_EQ(queue.plan_retry(nullptr, 1, t0, t0, normal).at, normal + minutes(10));  // the schedule's
}

TEST(MtaQueueTest, AnUnlimitedBackoffRateKeepsTheNormalRateAndNeverStaysInBackoff) {
  DestinationPolicy policy;  // PowerMTA's defaults as imported: backoff-max-msg-rate = max-msg-rate
  policy.max_msg_rate = Rate::per_hour(60);
  policy.backoff.max_msg_rate = Rate{};           // unlimited
  policy.backoff.to_normal_after = kLongestSpan;  // never
  PatternRule rule;
  rule.pattern = "421";
  rule.backoff = true;
  MtaQueue queue = make_queue(policy);
  queue.record_reply(Duration(0), /*deferred=*/true, SmtpStep::EndOfData, &rule);
  EXPECT_TRUE(queue.in_backoff(hours(24 * 365 * 100)));
  EXPECT_EQ(queue.take_send_slot(Duration(0)), Duration(0));
  EXPECT_EQ(queue.take_send_slot(Duration(0)), minutes(1));  // still the normal 60/h, not unlimited
}

TEST(MtaQueueTest, ARuleMatchingAgainRenewsBackoff) {
  DestinationPolicy policy;
  PatternRule rule;
  rule.backoff = true;
  MtaQueue queue = make_queue(policy);
  queue.record_reply(Duration(0), true, SmtpStep::EndOfData, &rule);
  queue.record_reply(minutes(50), true, SmtpStep::EndOfData, &rule);
  EXPECT_TRUE(queue.in_backoff(minutes(100)));
  EXPECT_FALSE(queue.in_backoff(minutes(110)));
  queue.record_reply(minutes(120), true, SmtpStep::EndOfData,
                     nullptr);  // a reply no rule matches changes no mode
  EXPECT_FALSE(queue.in_backoff(minutes(120)));
}

TEST(MtaQueueTest, BackoffMaxSmtpOutCapsTheConnectionsInBackoffMode) {
  DestinationPolicy policy;
  policy.max_smtp_out = 10;
  policy.backoff.max_smtp_out = 2;
  PatternRule rule;
  rule.backoff = true;
  MtaQueue queue = make_queue(policy);
  EXPECT_EQ(queue.connection_limit(Duration(0)), 10);
  queue.record_reply(Duration(0), true, SmtpStep::EndOfData, &rule);
  EXPECT_EQ(queue.connection_limit(Duration(0)), 2);
  EXPECT_EQ(queue.connection_limit(policy.backoff.to_normal_after), 10);  // back to normal
  policy.backoff.max_smtp_out = 20;  // PowerMTA's default: a cap above max_smtp_out raises nothing
  EXPECT_EQ(queue.connection_limit(Duration(0)), 10);
  policy.backoff.max_smtp_out = 0;  // unset: no cap
  EXPECT_EQ(queue.connection_limit(Duration(0)), 10);
}

TEST(MtaQueueTest, ADeliveryEndsBackoffOnlyWithToNormalAfterDelivery) {
  DestinationPolicy policy;
  PatternRule rule;
  rule.backoff = true;
  MtaQueue queue = make_queue(policy);
  queue.record_reply(Duration(0), true, SmtpStep::EndOfData, &rule);
  queue.record_delivery(minutes(5));
  EXPECT_TRUE(queue.in_backoff(minutes(5)));  // PowerMTA's default: a delivery does not end it
  policy.backoff.to_normal_after_delivery = true;
  queue.record_delivery(minutes(6));
  EXPECT_FALSE(queue.in_backoff(minutes(6)));
}

TEST(MtaQueueTest, SuspendRuleStopsSendingAndConnectingUntilItEnds) {
  DestinationPolicy policy;
  PatternRule rule;
  rule.suspend_for = minutes(30);
  MtaQueue queue = make_queue(policy);
  push_messages(queue, 3);
  queue.record_reply(minutes(10), true, SmtpStep::EndOfData, &rule);
  std::optional<Duration> wake_at;
  EXPECT_FALSE(queue.connection_may_send(0, minutes(20), wake_at));
  EXPECT_EQ(wake_at, minutes(40));
  wake_at.reset();
  EXPECT_FALSE(queue.may_open_connection(minutes(20), wake_at));
  EXPECT_EQ(wake_at, minutes(40));
  EXPECT_TRUE(queue.connection_may_send(0, minutes(40), wake_at));
  EXPECT_TRUE(queue.may_open_connection(minutes(40), wake_at));
}

TEST(MtaQueueTest, MaxSmtpOutRuleLowersTheConnectionLimitForHoldFor) {
  DestinationPolicy policy;  // max-smtp-out 20
  PatternRule rule;
  rule.max_smtp_out = 2;
  rule.hold_for = hours(1);
  MtaQueue queue = make_queue(policy);
  push_messages(queue, 10);
  queue.record_reply(Duration(0), true, SmtpStep::EndOfData, &rule);
  EXPECT_EQ(queue.connection_limit(Duration(0)), 2);
  EXPECT_EQ(open_while_allowed(queue, minutes(30)), hours(1));  // looks again when the hold ends
  EXPECT_EQ(queue.open_connections(), 2);
  EXPECT_EQ(queue.connection_limit(hours(1)), 20);
  open_while_allowed(queue, hours(1));
  EXPECT_EQ(queue.open_connections(), 10);
}

TEST(MtaQueueTest, AdaptiveFactorScalesTheConnectionLimitAndTheMessageRate) {
  DestinationPolicy policy;
  policy.max_msg_rate = Rate::per_hour(3600);
  policy.adaptive.enabled = true;  // window 15m, at least 20 attempts, halve above 5% deferred
  MtaQueue queue = make_queue(policy);
  for (int i = 0; i < 20; ++i)
    queue.record_reply(seconds(i), /*deferred=*/i % 2 == 0, SmtpStep::EndOfData, nullptr);
  EXPECT_EQ(queue.connection_limit(minutes(14)), 20);
  EXPECT_EQ(queue.connection_limit(minutes(15)), 10);
  EXPECT_EQ(queue.take_send_slot(minutes(15)), Duration(0));
  EXPECT_EQ(queue.take_send_slot(minutes(15)), seconds(2));  // half of one a second
}

// --- Retries and expiry ------------------------------------------------------------------------------------

/// One retry schedule: how long a refused greeting holds new connections, and when a message deferred a
/// second time (first tried at 0, deferred again at 30m) is tried next.
struct ScheduleCase {
  std::string name;
  RetrySchedule schedule;
  Duration hold;
  Duration second_retry;
};

class MtaQueueScheduleTest : public testing::TestWithParam<ScheduleCase> {};

TEST_P(MtaQueueScheduleTest, HoldsConnectionsAndRetriesPerSchedule) {
  DestinationPolicy policy;
  policy.retry = GetParam().schedule;
  MtaQueue queue = make_queue(policy);
  push_messages(queue, 3);
  const Duration now = minutes(30);
  queue.record_reply(now, true, SmtpStep::Greeting, nullptr);  // a refused greeting
  EXPECT_EQ(open_while_allowed(queue, now), now + GetParam().hold);
  EXPECT_EQ(queue.open_connections(), 0);
  open_while_allowed(queue, now + GetParam().hold);
  EXPECT_EQ(queue.open_connections(), 3);  // open connections stay: only new ones were held
  const RetryPlan plan = queue.plan_retry(nullptr, 2, Duration(0), Duration(0), now);
  EXPECT_EQ(plan.at, GetParam().second_retry);
  EXPECT_FALSE(plan.expires);
}

RetrySchedule list_schedule() {  // seed 002
  RetrySchedule schedule;
  schedule.kind = RetrySchedule::Kind::List;
  schedule.offsets = {minutes(15), hours(1), hours(4), hours(12)};
  return schedule;
}

RetrySchedule exponential_schedule() {  // Postfix-like, no jitter
  RetrySchedule schedule;
  schedule.kind = RetrySchedule::Kind::Exponential;
  schedule.initial = seconds(300);
  schedule.max = seconds(4000);
  return schedule;
}

INSTANTIATE_TEST_SUITE_P(
    Schedules, MtaQueueScheduleTest,
    testing::Values(ScheduleCase{"FixedPowerMtaDefault", RetrySchedule{}, minutes(10), minutes(40)},
                    ScheduleCase{"ListFromTheFirstAttempt", list_schedule(), minutes(15), hours(1)},
                    ScheduleCase{"Exponential", exponential_schedule(), seconds(300), minutes(40)}),
    [](const testing::TestParamInfo<ScheduleCase>& info) { return info.param.name; });

TEST(MtaQueueTest, RuleRetryAfterWinsOverBackoffAndSchedule) {
  DestinationPolicy policy;
  PatternRule rule;
  rule.retry_after = minutes(5);
  rule.backoff = true;
  MtaQueue queue = make_queue(policy);
  push_messages(queue, 1);
  queue.record_reply(Duration(0), true, SmtpStep::EndOfData, &rule);
  EXPECT_EQ(queue.plan_retry(&rule, 1, Duration(0), Duration(0), Duration(0)).at, minutes(5));
  EXPECT_EQ(queue.plan_retry(nullptr, 1, Duration(0), Duration(0), Duration(0)).at, hours(1));  // backoff's
  queue.record_reply(Duration(0), true, SmtpStep::Greeting, &rule);  // a refused greeting
  EXPECT_EQ(open_while_allowed(queue, Duration(0)), minutes(5));
}

/// Which SMTP step a 4xx answered decides whether the queue holds new connections: only a refused greeting
/// is a connection-level failure; a 4xx to MAIL FROM, RCPT TO or DATA defers its message only, as Postfix
/// throttles a destination only on connection or handshake failures (domain-facts-wave2 2.2 and 6).
class MtaQueueReplyStepTest : public testing::TestWithParam<SmtpStep> {};

TEST_P(MtaQueueReplyStepTest, OnlyAGreetingDeferralHoldsNewConnections) {
  DestinationPolicy policy;  // fixed 10m retries
  MtaQueue queue = make_queue(policy);
  push_messages(queue, 2);
  queue.record_reply(Duration(0), /*deferred=*/true, GetParam(), nullptr);
  const std::optional<Duration> wake_at = open_while_allowed(queue, Duration(0));
  if (GetParam() == SmtpStep::Greeting) {
    EXPECT_EQ(wake_at, minutes(10));
    EXPECT_EQ(queue.open_connections(), 0);
  } else {
    EXPECT_EQ(wake_at, std::nullopt);
    EXPECT_EQ(queue.open_connections(), 2);
  }
}

INSTANTIATE_TEST_SUITE_P(Steps, MtaQueueReplyStepTest,
                         testing::Values(SmtpStep::Greeting, SmtpStep::MailFrom, SmtpStep::RcptTo,
                                         SmtpStep::EndOfData),
                         [](const testing::TestParamInfo<SmtpStep>& info) {
                           return std::string(smtp_step_name(info.param));
                         });

/// A permanent refusal at the greeting (Yahoo's 553 [BL21]) is a connection-level failure too.
TEST(MtaQueueTest, PermanentGreetingRefusalHoldsNewConnections) {
  DestinationPolicy policy;  // fixed 10m retries
  MtaQueue queue = make_queue(policy);
  push_messages(queue, 1);
  queue.record_reply(Duration(0), /*deferred=*/false, SmtpStep::Greeting, nullptr);
  EXPECT_EQ(open_while_allowed(queue, Duration(0)), minutes(10));
  EXPECT_EQ(queue.open_connections(), 0);
}

TEST(MtaQueueTest, DeferredMessageExpiresWhenItsRetryWouldFallAtOrAfterBounceAfter) {
  DestinationPolicy policy;  // fixed 10m retries
  policy.bounce_after = hours(1);
  MtaQueue queue = make_queue(policy);
  const Duration injected = minutes(5);
  const RetryPlan before = queue.plan_retry(nullptr, 3, injected, injected, minutes(54));
  EXPECT_EQ(before.at, minutes(64));
  EXPECT_FALSE(before.expires);
  const RetryPlan at_deadline = queue.plan_retry(nullptr, 4, injected, injected, minutes(55));
  EXPECT_EQ(at_deadline.at, minutes(65));
  EXPECT_TRUE(at_deadline.expires);
  const RetryPlan late = queue.plan_retry(nullptr, 5, injected, injected, minutes(90));  // already past it
  EXPECT_EQ(late.at, minutes(90));
  EXPECT_TRUE(late.expires);
}

TEST(MtaQueueTest, ReadyMessagesExpireOldestFirstAtBounceAfter) {
  DestinationPolicy policy;
  policy.bounce_after = hours(1);
  MtaQueue queue = make_queue(policy);
  EXPECT_FALSE(queue.oldest_expired(hours(100)));  // none ready
  queue.push_ready(1, minutes(30));
  queue.push_ready(2, Duration(0));
  EXPECT_EQ(queue.next_expiry(Duration(0)), hours(1));
  EXPECT_FALSE(queue.oldest_expired(hours(1) - Duration(1)));
  ASSERT_TRUE(queue.oldest_expired(hours(1)));
  EXPECT_EQ(queue.pop_ready(), 2u);
  EXPECT_FALSE(queue.oldest_expired(hours(1)));
  EXPECT_EQ(queue.next_expiry(hours(1)), minutes(90));
  EXPECT_EQ(queue.next_expiry(hours(2)), hours(2));  // overdue: now
  ASSERT_TRUE(queue.oldest_expired(hours(2)));
  EXPECT_EQ(queue.pop_ready(), 1u);
  EXPECT_FALSE(queue.has_ready());
}

}  // namespace
}  // namespace delivsim
