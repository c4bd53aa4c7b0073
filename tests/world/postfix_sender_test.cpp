// sender.mta: postfix as a whole run sees it (docs/model.md 4.6): Gmail's 421 4.7.28 at end of DATA
// defers only its message, so Postfix keeps its connections where PowerMTA's pattern backoff slows the
// whole queue; a refused greeting makes the destination dead for minimal_backoff_time instead of holding
// the queue for its retry interval.
#include <gtest/gtest.h>

#include "tests/scenario_fixture.h"

namespace delivsim {
namespace {

using testing::provider;

std::vector<double> column(const RunResult& result, const std::string& name) {
  const int index = result.timeseries.column_index(name);
  std::vector<double> values;
  for (const auto& row : result.timeseries.rows) values.push_back(row.at(index));
  return values;
}

/// A small scenario whose sender is `mta` (powermta or postfix), the rest as given.
RunResult run_with(const std::string& mta, testing::SmallScenario scenario) {
  std::string text = scenario.text();
  text.replace(text.find("sender:\n"), 8, "sender:\n  mta: " + mta + "\n");
  return run_scenario(parse_scenario(text, mta + ".yaml"));
}

/// A brand-new IP sending 5,000 messages to Gmail at once: its quota is small, so most attempts get 421
/// 4.7.28 at end of DATA; Gmail accepts every connection (no greeting refusals).
testing::SmallScenario quota_bound(const std::string& destination) {
  testing::SmallScenario scenario;
  scenario.duration = "6h";
  scenario.ip = "{address: 192.0.2.1, age: new}";
  scenario.at = "0h";
  scenario.recipients = 5000;
  scenario.provider = "{profile: gmail, domains: [\"*\"], params: {max_connections_per_ip: 1000}}";
  scenario.destination = destination;
  return scenario;
}

TEST(PostfixSender, Gmail4728AtEndOfDataDefersTheMessageNotTheDestination) {
  const RunResult postfix = run_with("postfix", quota_bound("{max_smtp_out: 20}"));
  const RunResult powermta = run_with(
      "powermta", quota_bound("{max_smtp_out: 20, patterns: [{match: \"421 4.7.28\", backoff: true}]}"));
  const ProviderResult& p = provider(postfix, "p");
  ASSERT_GT(p.deferrals_by_reply.count("421 4.7.28"), 0u);
  EXPECT_EQ(p.deferrals_by_step.count("greeting"), 0u);
  // PowerMTA's backoff mode caps the queue at backoff.max_msg_rate (100/h) once 4.7.28 matches; Postfix
  // keeps sending: every message is tried in hour 0 and the deferred ones again at each of their backoffs
  // (5, 10, 20, 40, 80 minutes... of age, at queue runs; so some hours see no retry at all).
  const std::vector<double> postfix_attempts = column(postfix, "p.attempts");
  const std::vector<double> powermta_attempts = column(powermta, "p.attempts");
  EXPECT_GE(postfix_attempts[0], 5000.0);
  double postfix_later = 0, powermta_later = 0;
  for (std::size_t h = 1; h < powermta_attempts.size(); ++h) {
    EXPECT_LE(powermta_attempts[h], 101.0) << "hour " << h;
    postfix_later += postfix_attempts[h];
    powermta_later += powermta_attempts[h];
  }
  EXPECT_GT(postfix_later, 10.0 * powermta_later);
}

TEST(PostfixSender, RetriesFallOnQueueRuns) {
  // Every attempt deferred; backoff 30m (minimal = maximal), queue runs every hour: a message deferred a
  // few seconds into hour h is ready at h:30 and tried at the run of hour h + 1, so each hour tries every
  // message once (without the runs it would be twice).
  testing::SmallScenario scenario;
  scenario.duration = "5h";
  scenario.at = "0h";
  scenario.recipients = 200;
  scenario.provider = "{profile: gmail, domains: [\"*\"], params: {transient_fault_share: 1.0}}";
  scenario.destination = "{queue_run_delay: 1h, retry: {exponential: {initial: 30m, max: 30m}}}";
  const RunResult result = run_with("postfix", scenario);
  const std::vector<double> attempts = column(result, "p.attempts");
  ASSERT_EQ(attempts.size(), 5u);
  for (const double a : attempts) EXPECT_EQ(a, 200.0);
}

TEST(PostfixSender, ARefusedGreetingNarrowsTheWindowInsteadOfHoldingTheQueue) {
  // Gmail takes one connection per IP. Postfix opens its initial 5; one is accepted, the others are refused
  // with 421 4.7.0 at the greeting (negative feedback, -1 each, and their messages back off one by one);
  // the accepted connection's deliveries are positive feedback, forget the failed cohorts and revive a dead
  // destination at once (qmgr_queue_unthrottle). So Postfix goes on delivering: nearly the whole list
  // arrives in hour 0. PowerMTA instead holds the queue for its retry interval (1h) after the refusals:
  // 10 messages in hour 0.
  testing::SmallScenario scenario;
  scenario.duration = "2h";
  scenario.at = "0h";
  scenario.recipients = 1000;
  scenario.provider =
      "{profile: gmail, domains: [\"*\"], params: {max_connections_per_ip: 1, transient_fault_share: 0}}";
  scenario.destination = "{max_smtp_out: 20, max_msg_per_connection: 10}";
  const RunResult postfix = run_with("postfix", scenario);
  scenario.destination = "{max_smtp_out: 20, max_msg_per_connection: 10, retry_after: 1h}";
  const RunResult powermta = run_with("powermta", scenario);
  const std::vector<double> delivered = column(postfix, "p.delivered");
  const std::vector<double> refused = column(postfix, "p.deferred[421 4.7.0]");
  EXPECT_EQ(column(powermta, "p.delivered")[0], 10.0);
  EXPECT_EQ(column(powermta, "p.deferred[421 4.7.0]")[0], 19.0);  // 20 opened at once, 19 refused
  EXPECT_GT(delivered[0], 900.0);
  EXPECT_GT(refused[0], 4.0);
}

}  // namespace
}  // namespace delivsim
