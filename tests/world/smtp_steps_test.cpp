// Where replies land, as a whole run sees it: a reply's SMTP step sets the transaction's time and whether the
// body was sent (bytes_sent); the receiver's per-connection message limit (a 421 or a silent close) against
// the sender's max_msg_per_connection; greylisting's first-contact deferrals (docs/model.md 3.11, 4.2).
#include <gtest/gtest.h>

#include "sim/scenario/scenario_loader.h"
#include "tests/scenario_fixture.h"

namespace delivsim {
namespace {

using testing::provider;

/// Constant SMTP times (connect 100 ms, envelope 40 ms, whole message 300 ms) and `extra` params.
std::string generic_with(const std::string& extra) {
  return "{profile: generic, domains: [\"*\"], params: {connect_time: {kind: constant, value: 100ms}, "
         "command_time: {kind: constant, value: 40ms}, message_time: {kind: constant, value: 300ms}" +
         extra + "}}";
}

TEST(SmtpSteps, ARcptToReplyCostsTheEnvelopeOnlyAndSendsNoBody) {
  testing::SmallScenario scenario;
  scenario.recipients = 20;  // one connection each (default max_smtp_out 20)
  scenario.list = "{unknown_user_share: 1.0}";
  scenario.provider = generic_with("");
  RunOptions options;
  options.accounting = true;
  const RunResult result = run_scenario(parse_scenario(scenario.text(), "s.yaml"), options);
  const ProviderResult& p = provider(result, "p");
  EXPECT_EQ(p.bounces_by_reply.at("550 5.1.1"), 20);  // answered at RCPT TO in the generic catalog
  EXPECT_EQ(p.bytes_sent, 0);
  for (const AccountingRecord& record : result.accounting)
    EXPECT_EQ((record.logged - record.queued).count(), 140) << "connect 100 ms + envelope 40 ms";
}

TEST(SmtpSteps, AnAcceptedMessageCostsTheWholeTransactionAndSendsItsBody) {
  testing::SmallScenario scenario;
  scenario.recipients = 20;
  scenario.provider = generic_with("");
  const RunResult result = scenario.run();
  const ProviderResult& p = provider(result, "p");
  EXPECT_EQ(p.counts.delivered, 20);
  EXPECT_EQ(p.bytes_sent, 20 * 50000);  // the default message_size_bytes
  EXPECT_DOUBLE_EQ(p.latency.max_s, 0.4);
}

TEST(SmtpSteps, GreylistingDefersEachFirstContactOnceWhenTheRetryComesAfterTheDelay) {
  testing::SmallScenario scenario;
  scenario.recipients = 200;
  scenario.provider = generic_with(", greylist_enabled: true");
  scenario.destination = "{retry: {fixed: 10m}}";  // later than Postgrey's 300 s delay
  const RunResult result = scenario.run();
  const ProviderResult& p = provider(result, "p");
  EXPECT_EQ(p.counts.delivered, 200);
  EXPECT_EQ(p.counts.deferrals, 200);
  EXPECT_EQ(p.deferrals_by_reply.at("450 4.2.0"), 200);
  EXPECT_EQ(p.deferrals_by_step.at("rcpt_to"), 200);
  EXPECT_EQ(p.bytes_sent, 200 * 50000);  // the greylisted attempts sent no body
}

TEST(SmtpSteps, ARetryShorterThanTheGreylistDelayKeepsBeingDeferredUntilTheDelayPasses) {
  testing::SmallScenario scenario;
  scenario.recipients = 50;
  scenario.provider = generic_with(", greylist_enabled: true, greylist_auto_whitelist_after: 0");  // never
  scenario.destination = "{retry: {fixed: 1m}}";
  const RunResult result = scenario.run();
  const ProviderResult& p = provider(result, "p");
  EXPECT_EQ(p.counts.delivered, 50);
  // Tried at 0, 1, 2, 3 and 4 minutes (plus the envelope's time) after the first contact, each time
  // greylisted; the sixth try, past 5 minutes, passes.
  EXPECT_EQ(p.deferrals_by_reply.at("450 4.2.0"), 5 * 50);
  EXPECT_EQ(p.counts.attempts, 6 * 50);
}

TEST(SmtpSteps, GreylistingIsNoReputationSignal) {
  testing::SmallScenario scenario;
  scenario.recipients = 200;
  scenario.provider = generic_with(", greylist_enabled: true");
  const RunResult greylisted = scenario.run();
  scenario.provider = generic_with("");
  const RunResult plain = scenario.run();
  ASSERT_EQ(greylisted.identities.size(), plain.identities.size());
  for (std::size_t i = 0; i < plain.identities.size(); ++i)
    EXPECT_EQ(greylisted.identities[i].final_tier, plain.identities[i].final_tier) << plain.identities[i].id;
}

/// The receiver allows `limit` messages per connection (0: no limit); the sender carries `per_connection` on
/// each.
ProviderResult run_with_message_limit(int per_connection, bool silent, int limit = 10) {
  testing::SmallScenario scenario;
  scenario.recipients = 400;
  scenario.provider = generic_with(", max_messages_per_connection: " + std::to_string(limit) +
                                   (silent ? ", close_silently_at_message_limit: true" : ""));
  scenario.destination = "{max_smtp_out: 2, max_msg_per_connection: " + std::to_string(per_connection) + "}";
  return provider(scenario.run(), "p");
}

TEST(SmtpSteps, ASenderWithinTheReceiversMessageLimitSeesNoLimitReply) {
  for (int per_connection : {5, 10}) {
    const ProviderResult p = run_with_message_limit(per_connection, false);
    EXPECT_EQ(p.counts.delivered, 400) << per_connection;
    EXPECT_EQ(p.counts.deferrals, 0) << per_connection;
  }
}

TEST(SmtpSteps, AMessageLimitOfZeroIsNoLimit) {
  for (bool silent : {false, true}) {
    const ProviderResult p = run_with_message_limit(50, silent, 0);
    EXPECT_EQ(p.counts.delivered, 400) << silent;
    EXPECT_EQ(p.counts.deferrals, 0) << silent;
    EXPECT_EQ(p.counts.attempts, 400) << silent;
  }
}

TEST(SmtpSteps, ASenderAboveTheLimitGetsA421AtMailFromForEveryEleventhMessage) {
  const ProviderResult p = run_with_message_limit(50, false);
  EXPECT_EQ(p.counts.delivered, 400);
  ASSERT_TRUE(p.deferrals_by_reply.contains("421"));
  EXPECT_EQ(p.deferrals_by_reply.at("421"), p.counts.deferrals);
  EXPECT_EQ(p.deferrals_by_step.at("mail_from"), p.counts.deferrals);
  // Each connection carries 10 messages, then its 11th try is refused: about one deferral per 11 tries.
  EXPECT_GE(p.counts.deferrals, 400 / 11 - 2);
  EXPECT_EQ(p.bytes_sent, 400 * 50000);
}

TEST(SmtpSteps, ASilentCloseAtTheLimitCountsNoAttemptAndTheSenderReconnects) {
  const ProviderResult p = run_with_message_limit(50, true);
  EXPECT_EQ(p.counts.delivered, 400);
  EXPECT_EQ(p.counts.deferrals, 0);
  EXPECT_EQ(p.counts.attempts, 400);
}

}  // namespace
}  // namespace delivsim
