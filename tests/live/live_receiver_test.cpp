// The providers behind `delivsim serve`: identities read from the wire, each SMTP step judged by the
// scenario's receiver, what was seen counted and logged, and the step-by-step judgement equal to a run's.
#include "sim/live/live_receiver.h"

#include <gtest/gtest.h>

#include <sstream>

#include "sim/live/live_report.h"
#include "sim/live/smtp_session.h"
#include "sim/scenario/scenario_loader.h"

namespace delivsim {
namespace {

const char* const kScenario = R"(name: live-test
seed: 3
identities:
  ips:
    - {address: 203.0.113.10, age: new, live_source: 127.0.0.2}
    - {address: 203.0.113.11, age: warm, established_per_day: 50000}
  domains:
    - {name: news.example.com, age: new}
pools:
  main: [203.0.113.10, 203.0.113.11]
traffic:
  - name: newsletter
    pool: main
    dkim_domain: news.example.com
    campaign: {recipients: 1000, at: 0h}
    domains: {gmail.com: 1.0}
)";

/// A clock the test moves by hand.
struct ManualTime {
  std::chrono::steady_clock::time_point now{};
  LiveClock clock(double scale) {
    return LiveClock(scale, [this] { return now; });
  }
};

struct LiveFixture : ::testing::Test {
  Scenario scenario = parse_scenario(kScenario, "live-test.yaml");
  ManualTime time;
  LiveClock clock = time.clock(1.0);
  std::ostringstream log;
  LiveReceiver live{scenario, clock};

  LiveFixture() { live.write_outputs_to(&log, nullptr); }

  /// One whole conversation from `client`; returns every reply.
  std::string converse(const std::string& client, const std::string& input) {
    auto judge = live.connect(client, std::nullopt);
    SmtpSession session(*judge, "mx", SmtpLimits{}, false);
    session.open();
    session.receive(input);
    return session.output();
  }
  static std::string message(const std::string& rcpt) {
    return "MAIL FROM:<bounce@news.example.com>\r\nRCPT TO:<" + rcpt +
           ">\r\nDATA\r\nDKIM-Signature: v=1; d=news.example.com; s=s; b=x\r\nFrom: "
           "n@news.example.com\r\n\r\nhi\r\n."
           "\r\n";
  }
};

TEST_F(LiveFixture, AnUnmappedClientIsRefusedAtTheGreeting) {
  const std::string replies = converse("127.0.0.9", "EHLO x\r\n");
  EXPECT_EQ(replies.substr(0, 10), "554 5.7.1 ");
  EXPECT_NE(replies.find("127.0.0.9 is no sending IP"), std::string::npos);
  EXPECT_EQ(replies.find("250"), std::string::npos);
  EXPECT_EQ(live.counters().unknown_clients, 1);
}

TEST_F(LiveFixture, TheClientsAddressPicksTheSendingIp) {
  converse("127.0.0.2", "EHLO x\r\n" + message("a@gmail.com"));
  converse("203.0.113.11", "EHLO x\r\n" + message("b@gmail.com"));
  converse("::ffff:127.0.0.2", "EHLO x\r\n" + message("c@gmail.com"));
  const std::string text = log.str();
  EXPECT_NE(text.find("a@gmail.com,rfc822;a@gmail.com,relayed,2.0.0,smtp;250 2.0.0 OK - gsmtp,"
                      "gmail-smtp-in.l.google.com,,smtp,delivsim-serve,smtp,203.0.113.10,"),
            std::string::npos);
  EXPECT_NE(text.find("b@gmail.com,relayed,2.0.0,smtp;250 2.0.0 OK - gsmtp,gmail-smtp-in.l.google.com,,smtp,"
                      "delivsim-serve,smtp,203.0.113.11,"),
            std::string::npos);
  EXPECT_EQ(live.counters().providers[0].delivered, 3);
  EXPECT_EQ(live.counters().providers[0].connections, 3);
}

TEST_F(LiveFixture, EnvelopeErrorsNameWhatTheScenarioLacks) {
  const std::string replies =
      converse("127.0.0.2",
               "EHLO x\r\nMAIL FROM:<a@unknown.example>\r\nMAIL FROM:<>\r\nMAIL FROM:<a@news.example.com>\r\n"
               "RCPT TO:<a@gmail.com>\r\nRCPT TO:<b@yahoo.com>\r\n");
  EXPECT_NE(replies.find("550 5.1.8 delivsim: sender domain unknown.example is not in the scenario's "
                         "identities.domains"),
            std::string::npos);
  EXPECT_NE(replies.find("550 5.1.8 delivsim: sender domain <> (null reverse-path)"), std::string::npos);
  EXPECT_NE(replies.find("452 4.5.3 delivsim: recipients at yahoo go in a transaction of their own"),
            std::string::npos);
}

TEST_F(LiveFixture, ANewIpOverItsQuotaGets42174728AtTheEndOfData) {
  std::string all;
  for (int i = 0; i < 3000 && all.find("421-4.7.28") == std::string::npos; ++i) {
    all = converse("127.0.0.2", "EHLO x\r\n" + message("r" + std::to_string(i) + "@gmail.com"));
    time.now += std::chrono::seconds(1);
  }
  const std::size_t at = all.find("421-4.7.28");
  ASSERT_NE(at, std::string::npos) << "3000 messages in 50 minutes from a new IP never met its quota";
  EXPECT_NE(all.find("354 Go ahead"), std::string::npos);  // answered after DATA, Gmail's step
  EXPECT_GE(live.counters().providers[0].deferrals_by_reply.at("421 4.7.28"), 1);
  // Every reply about mail is one accounting line (plus the header).
  const std::string text = log.str();
  const auto lines = std::count(text.begin(), text.end(), '\n');
  EXPECT_EQ(lines - 1, live.counters().providers[0].attempts);
}

TEST_F(LiveFixture, TheTimeScaleRunsTheModelFaster) {
  ManualTime t;
  const LiveClock fast = t.clock(3600.0);
  t.now += std::chrono::seconds(2);
  EXPECT_EQ(fast.now(), std::chrono::hours(2));
}

TEST_F(LiveFixture, SummaryAndMetricsCarryTheCounts) {
  converse("127.0.0.2", "EHLO x\r\n" + message("a@gmail.com"));
  const std::string summary = live_summary_json(live, 1.0);
  EXPECT_NE(summary.find("\"mode\": \"live\""), std::string::npos);
  EXPECT_NE(summary.find("\"delivered\": 1"), std::string::npos);
  const std::string metrics = live_prometheus_text(live);
  EXPECT_NE(metrics.find("delivsim_live_delivered_total{provider=\"gmail\"} 1\n"), std::string::npos);
}

/// The receiver judged one SMTP step at a time (as the live server does) decides exactly as receive().
TEST(LiveTls, ABulkSendersMailWithoutStartTlsIsRateLimitedAs42174729) {
  // A warm domain sending 50,000 a day is a Gmail bulk sender from the start (docs/model.md 3.8).
  const Scenario scenario = parse_scenario(R"(name: live-tls
seed: 5
identities:
  ips: [{address: 203.0.113.11, age: warm, established_per_day: 50000, live_source: 127.0.0.2}]
  domains: [{name: news.example.com, age: warm, established_per_day: 50000}]
pools: {main: [203.0.113.11]}
traffic:
  - {name: t, pool: main, dkim_domain: news.example.com, campaign: {recipients: 1000}, domains: {gmail.com: 1.0}}
)",
                                           "live-tls.yaml");
  ManualTime time;
  const LiveClock clock = time.clock(1.0);
  std::ostringstream log;
  LiveReceiver live(scenario, clock);
  live.write_outputs_to(&log, nullptr);
  auto send_twenty = [&](bool over_tls) {
    auto judge = live.connect("127.0.0.2", std::nullopt);
    SmtpSession session(*judge, "mx", SmtpLimits{}, true);
    session.open();
    if (over_tls) {
      session.receive("EHLO x\r\nSTARTTLS\r\n");
      session.tls_started();
    }
    session.receive("EHLO x\r\n");
    for (int i = 0; i < 20; ++i)
      session.receive(LiveFixture::message("r" + std::to_string(i) + "@gmail.com"));
    return session.output();
  };
  const std::string over_tls = send_twenty(true);
  const std::string plain = send_twenty(false);
  EXPECT_EQ(over_tls.find("4.7.29"), std::string::npos);
  EXPECT_NE(plain.find("421-4.7.29 Your email has been rate limited because you're not using a TLS"),
            std::string::npos)
      << plain;
}

TEST(ReceiverSteps, JudgingStepByStepEqualsReceive) {
  const Scenario scenario = parse_scenario(kScenario, "live-test.yaml");
  for (const ProviderSpec& provider : scenario.providers) {
    const std::vector<Receiver::IdentitySetup> setups{
        {IdentityKind::Ip, false, 0, 0}, {IdentityKind::Dkim, false, 0, 0}, {IdentityKind::Spf, false, 0, 0}};
    Receiver whole(provider.params, provider.reply_texts->catalog, setups);
    Receiver stepped(provider.params, provider.reply_texts->catalog, setups);
    RandomEngine a(5), b(5);
    for (int i = 0; i < 5000; ++i) {
      InboundMessage m;
      m.ids = {0, 1, 2};
      m.recipient = static_cast<std::size_t>(i % 100);
      m.unknown_user = i % 37 == 0;
      m.dkim_pass = i % 11 != 0;
      m.open_rate = 0.2;
      m.complaint_rate = 0.01;
      const Duration now = std::chrono::seconds(i * 7);
      const Verdict expected = whole.receive(m, now, a);
      std::optional<Verdict> got;
      for (SmtpStep step : {SmtpStep::Greeting, SmtpStep::MailFrom, SmtpStep::RcptTo, SmtpStep::EndOfData}) {
        if (!got) got = stepped.judge_step(step, m, now, b);
      }
      if (!got) got = stepped.accept(m, now, b);
      ASSERT_EQ(static_cast<int>(got->reply), static_cast<int>(expected.reply))
          << provider.name << " message " << i;
      ASSERT_EQ(got->inbox, expected.inbox);
      ASSERT_EQ(got->named_identity, expected.named_identity);
    }
  }
}

}  // namespace
}  // namespace delivsim
