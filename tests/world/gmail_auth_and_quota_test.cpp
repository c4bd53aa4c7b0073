// Whole runs against the Gmail profile: Google's authentication requirements (which senders they cover,
// temporary failures first, then rejections) and its quota scoping (a domain's quota is its own, the IP's
// is shared), with the reply texts a pattern rule sees.
#include <gtest/gtest.h>

#include <algorithm>

#include "sim/output/accounting_csv.h"
#include "tests/scenario_fixture.h"

namespace delivsim {
namespace {

using testing::provider;
using testing::traffic_of;

/// Two traffic sources to gmail.com through one warm IP: `a` (From: domain a.example) and `b` (b.example,
/// compliant and warm). Every field is YAML text.
struct TwoDomains {
  std::string duration = "3d";
  std::string ip = "{address: 192.0.2.1, age: warm, established_per_day: 100000}";
  std::string domain_a = "{name: a.example, age: warm, established_per_day: 50000}";
  std::string traffic_a = "stream: {rate: 4000/d, population: 100000}";
  std::string traffic_b = "stream: {rate: 4000/d, population: 100000}";
  std::string gmail = "{profile: gmail, domains: [gmail.com], params: {transient_fault_share: 0}}";

  RunResult run() const {
    const std::string text =
        "name: two-domains\nseed: 5\naccounting: true\nduration: " + duration + "\nidentities:\n  ips: [" +
        ip + "]\n  domains:\n    - " + domain_a +
        "\n    - {name: b.example, age: warm, established_per_day: 50000}\n"
        "pools: {main: [192.0.2.1]}\ntraffic:\n"
        "  - {name: a, pool: main, dkim_domain: a.example, domains: {gmail.com: 1.0}, " +
        traffic_a + "}\n  - {name: b, pool: main, dkim_domain: b.example, domains: {gmail.com: 1.0}, " +
        traffic_b + "}\nproviders:\n  gmail: " + gmail + "\n";
    return run_scenario(parse_scenario(text, "two-domains.yaml"));
  }
};

std::int64_t count_of(const std::map<std::string, std::int64_t>& counts, const std::string& key) {
  const auto it = counts.find(key);
  return it == counts.end() ? 0 : it->second;
}

bool has_text_starting(const RunResult& result, const std::string& start) {
  return std::any_of(result.reply_texts.begin(), result.reply_texts.end(),
                     [&](const std::string& text) { return text.starts_with(start); });
}

/// How many of traffic `name`'s attempts Gmail answered with the reply `key` ("421 4.7.28"), from the
/// accounting records' reply texts.
std::int64_t replies_to(const RunResult& result, const std::string& name, const std::string& key) {
  const auto traffic =
      static_cast<std::uint16_t>(std::find(result.traffic_names.begin(), result.traffic_names.end(), name) -
                                 result.traffic_names.begin());
  return std::count_if(result.accounting.begin(), result.accounting.end(), [&](const AccountingRecord& r) {
    return r.traffic == traffic && result.reply_texts[r.reply].starts_with(key + " ");
  });
}

TEST(GmailAuthentication, ABulkSenderWithoutDmarcIsDeferredThenRejected) {
  TwoDomains scenario;
  scenario.domain_a = "{name: a.example, age: warm, established_per_day: 50000, dmarc: false}";
  scenario.gmail =
      "{profile: gmail, domains: [gmail.com], params: {transient_fault_share: 0, auth_reject_after: 1d}}";
  const RunResult result = scenario.run();
  const ProviderResult& gmail = provider(result, "gmail");
  EXPECT_GT(count_of(gmail.deferrals_by_reply, "421 4.7.40"), 0);
  EXPECT_GT(count_of(gmail.bounces_by_reply, "550 5.7.40"), 0);
  EXPECT_TRUE(has_text_starting(result,
                                "421 4.7.40 Your email has been rate limited because the sending "
                                "domain doesn't have a DMARC record"));
  EXPECT_TRUE(has_text_starting(result, "550 5.7.40 Your message was blocked"));
  // Before the rejections start a.example's mail is deferred (half of it, retried) or accepted; from day 1
  // on it bounces.
  EXPECT_GT(replies_to(result, "a", "250 2.0.0"), 1000);
  EXPECT_GT(replies_to(result, "a", "550 5.7.40"), replies_to(result, "a", "250 2.0.0"));
  EXPECT_LT(traffic_of(result, "a").delivered, traffic_of(result, "a").injected / 2);
  // b.example meets every requirement: no authentication reply at all.
  for (const char* reply : {"421 4.7.40", "550 5.7.40", "421 4.7.32", "421 4.7.26"}) {
    EXPECT_EQ(replies_to(result, "b", reply), 0);
  }
  EXPECT_GT(traffic_of(result, "b").delivered, traffic_of(result, "b").injected * 99 / 100);
}

TEST(GmailAuthentication, AccountingRecordsCarryTheReplyKindSoRejectionsArePolicyBounces) {
  TwoDomains scenario;
  scenario.duration = "2d";
  scenario.domain_a = "{name: a.example, age: warm, established_per_day: 50000, dmarc: false}";
  scenario.gmail =
      "{profile: gmail, domains: [gmail.com], params: {transient_fault_share: 0, auth_reject_after: 1d}}";
  const RunResult result = scenario.run();
  std::int64_t rejections = 0;
  for (const AccountingRecord& record : result.accounting) {
    const bool rejected = result.reply_texts[record.reply].starts_with("550 5.7.40 ");
    EXPECT_EQ(rejected, record.reply_kind == ReplyKind::RejectedDmarc);
    if (!rejected) continue;
    ++rejections;
    EXPECT_EQ(record.type, 'b');
    EXPECT_EQ(bounce_category(record.reply_kind), "policy-related");
  }
  EXPECT_GT(rejections, 0);
}

TEST(GmailAuthentication, BulkRulesDoNotCoverASmallSender) {
  // A new domain sending 4,000 a day is no bulk sender: without DMARC or alignment it is still accepted,
  // since SPF and DKIM pass (one of them is all every sender needs).
  TwoDomains scenario;
  scenario.domain_a = "{name: a.example, dmarc: false, aligned: false}";
  scenario.traffic_a = "stream: {rate: 1000/d, population: 100000}";
  const RunResult result = scenario.run();
  const ProviderResult& gmail = provider(result, "gmail");
  EXPECT_EQ(count_of(gmail.deferrals_by_reply, "421 4.7.40"), 0);
  EXPECT_EQ(count_of(gmail.deferrals_by_reply, "421 4.7.32"), 0);
  EXPECT_TRUE(gmail.bounces_by_reply.empty());
  // Every message arrives, but the last can still be in its transaction when the run ends.
  EXPECT_GE(traffic_of(result, "a").delivered, traffic_of(result, "a").injected - 1);
}

/// One day in which a.example, a small sender, fails SPF and DKIM.
TwoDomains unauthenticated_small_sender() {
  TwoDomains scenario;
  scenario.duration = "1d";
  scenario.domain_a = "{name: a.example, spf: false, dkim: false}";
  scenario.traffic_a = "stream: {rate: 1000/d, population: 100000}";
  return scenario;
}

TEST(GmailAuthentication, UnauthenticatedMailFromAnySenderIsDeferredFirst) {
  const RunResult result = unauthenticated_small_sender().run();
  const ProviderResult& gmail = provider(result, "gmail");
  EXPECT_GT(count_of(gmail.deferrals_by_reply, "421 4.7.26"), 0);
  EXPECT_EQ(count_of(gmail.bounces_by_reply, "550 5.7.26"), 0);  // within auth_reject_after (3 d)
  EXPECT_TRUE(has_text_starting(result,
                                "421 4.7.26 This email has been rate limited because it is "
                                "unauthenticated."));
  EXPECT_TRUE(std::any_of(result.reply_texts.begin(), result.reply_texts.end(), [](const std::string& text) {
    return text.find("SPF a.example with ip: 192.0.2.1 = did not pass") != std::string::npos;
  }));
}

TEST(GmailAuthentication, WithAuthRejectAfterZeroUnauthenticatedMailIsRejectedFromTheFirstMessage) {
  TwoDomains scenario = unauthenticated_small_sender();
  scenario.gmail =
      "{profile: gmail, domains: [gmail.com], params: {transient_fault_share: 0, auth_reject_after: 0}}";
  const RunResult result = scenario.run();
  const ProviderResult& gmail = provider(result, "gmail");
  EXPECT_EQ(count_of(gmail.deferrals_by_reply, "421 4.7.26"), 0);
  EXPECT_GT(count_of(gmail.bounces_by_reply, "550 5.7.26"), 0);
  EXPECT_EQ(replies_to(result, "a", "250 2.0.0"), 0);
}

TEST(GmailQuotaScoping, ANewDomainHitsItsOwnQuotaWhileTheOtherDomainOnTheIpSends) {
  TwoDomains scenario;
  scenario.duration = "1d";
  scenario.domain_a = "{name: a.example}";  // new: 2,000/day
  scenario.traffic_a = "campaign: {recipients: 3000, at: 1h, over: 10m}";
  scenario.traffic_b = "campaign: {recipients: 3000, at: 1h, over: 10m}";
  const RunResult result = scenario.run();
  const ProviderResult& gmail = provider(result, "gmail");
  EXPECT_GT(count_of(gmail.deferrals_by_reply, "421 4.7.28"), 0);
  EXPECT_TRUE(has_text_starting(result,
                                "421 4.7.28 Gmail has detected an unusual rate of unsolicited email "
                                "originating from your DKIM domain a.example."));
  // Neither the shared IP nor b.example ran out.
  EXPECT_FALSE(has_text_starting(result,
                                 "421 4.7.28 Gmail has detected an unusual rate of email originating "
                                 "from your IP address"));
  EXPECT_FALSE(has_text_starting(result,
                                 "421 4.7.28 Gmail has detected an unusual rate of unsolicited email "
                                 "originating from your DKIM domain b.example."));
  // Gmail never throttles b.example's mail for quota. (How fast b's mail leaves the shared queue after a's
  // 421s is the sender's business, sim/world.)
  EXPECT_GT(replies_to(result, "a", "421 4.7.28"), 0);
  EXPECT_EQ(replies_to(result, "b", "421 4.7.28"), 0);
  // Together they got more through than a new identity's day (2,000): the shared IP was not the limit.
  EXPECT_GT(replies_to(result, "a", "250 2.0.0") + replies_to(result, "b", "250 2.0.0"), 2100);
}

TEST(GmailQuotaScoping, ANewIpsQuotaStopsEveryDomainOnIt) {
  // Both domains warm; the IP is new (2,000/day, shared by both).
  TwoDomains scenario;
  scenario.duration = "1d";
  scenario.ip = "{address: 192.0.2.1, age: new}";
  scenario.traffic_a = "campaign: {recipients: 3000, at: 1h, over: 10m}";
  scenario.traffic_b = "campaign: {recipients: 3000, at: 1h, over: 10m}";
  const RunResult result = scenario.run();
  EXPECT_TRUE(has_text_starting(result,
                                "421 4.7.28 Gmail has detected an unusual rate of email originating "
                                "from your IP address 192.0.2.1."));
  EXPECT_FALSE(
      has_text_starting(result, "421 4.7.28 Gmail has detected an unusual rate of unsolicited email"));
  EXPECT_GT(replies_to(result, "a", "421 4.7.28"), 0);
  EXPECT_GT(replies_to(result, "b", "421 4.7.28"), 0);
  // The IP's quota is all there is for both: neither gets its 3,000 through on the first day.
  EXPECT_LT(traffic_of(result, "a").delivered, 3000);
  EXPECT_LT(traffic_of(result, "b").delivered, 3000);
  EXPECT_LE(traffic_of(result, "a").delivered + traffic_of(result, "b").delivered, 2000 + 83 + 100);
}

TEST(GmailReplyTexts, LegacyTextsAreTheOldSingleQuotaText) {
  TwoDomains scenario;
  scenario.duration = "1d";
  scenario.domain_a = "{name: a.example}";
  scenario.traffic_a = "campaign: {recipients: 3000, at: 1h, over: 10m}";
  scenario.gmail = "{profile: gmail, domains: [gmail.com], reply_texts: legacy}";
  const RunResult result = scenario.run();
  EXPECT_TRUE(has_text_starting(result,
                                "421 4.7.28 [a.example] Our system has detected an unusual rate of "
                                "unsolicited mail originating from your DKIM domain."));
}

}  // namespace
}  // namespace delivsim
