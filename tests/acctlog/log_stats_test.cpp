#include "sim/acctlog/log_stats.h"

#include <gtest/gtest.h>

#include <sstream>

#include "models/default_provider.h"
#include "sim/output/utc_time.h"

namespace delivsim::acctlog {
namespace {

constexpr UnixMs k2026_01_05 = 1767571200000;  // 2026-01-05T00:00:00Z
constexpr std::int64_t kHourMs = 3'600'000;
constexpr std::int64_t kMinuteMs = 60'000;

std::string iso(UnixMs time) {
  return format_utc_timestamp_ms(UtcTime(Duration(time)));
}

/// A hand-made log in a small layout of its own (the reader is header-driven).
class LogBuilder {
 public:
  /// `count` records of `type` to `domain`, logged at `at` and queued `latency_ms` before, with `reply`.
  LogBuilder& add(int count, const std::string& type, const std::string& domain, UnixMs at,
                  const std::string& reply = "", const std::string& category = "",
                  std::int64_t latency_ms = 0) {
    for (int i = 0; i < count; ++i) {
      text_ << type << "," << iso(at) << "," << iso(at - latency_ms) << ",u" << i << "@" << domain
            << ",\"smtp;" << reply << "\"," << category << "\n";
    }
    return *this;
  }
  LogStatsResult stats(std::optional<UnixMs> from = {}, std::optional<UnixMs> until = {}) const {
    std::istringstream in("type,timeLogged,timeQueued,rcpt,dsnDiag,bounceCat\n" + text_.str());
    AccountingReader reader(in);
    LogStats stats(from, until);
    AccountingRecord record;
    while (reader.next(record)) stats.add(record, reader.missing_optional_columns());
    return stats.finish();
  }

 private:
  std::ostringstream text_;
};

const DomainFigures& row(const LogStatsResult& result, const std::string& domain) {
  for (const DomainFigures& f : result.domains) {
    if (f.domain == domain) return f;
  }
  throw std::logic_error("no row " + domain);
}

constexpr const char* kThrottle = "421 4.7.28 Gmail has detected an unusual rate of mail, from your IP";

// Gmail: hour 0 has 20 attempts with 3 deferrals (15%, "unusual": not above the act level), hour 1 has 10 of
// 20 (50%, "act"), hour 2 has 5 of 5 (fewer attempts than alert_min_attempts: no alert).
TEST(LogStats, HourlySharesAndAlertLevelsOfTheDomainsProvider) {
  const ProviderProfile& gmail = default_profile_of_domain("gmail.com");
  ASSERT_EQ(gmail.params.alert_min_attempts, 20);
  ASSERT_LT(gmail.params.alert_unusual_share, 0.15);
  ASSERT_EQ(gmail.params.alert_act_share, 0.15);
  const LogStatsResult r = LogBuilder{}
                               .add(17, "d", "gmail.com", k2026_01_05 + 5 * kMinuteMs, "250 2.0.0 OK")
                               .add(3, "t", "gmail.com", k2026_01_05 + 59 * kMinuteMs, kThrottle)
                               .add(10, "d", "gmail.com", k2026_01_05 + kHourMs, "250 2.0.0 OK")
                               .add(10, "t", "gmail.com", k2026_01_05 + 2 * kHourMs - 1, kThrottle)
                               .add(5, "t", "gmail.com", k2026_01_05 + 2 * kHourMs, kThrottle)
                               .stats();
  ASSERT_EQ(r.alerts.size(), 2u);
  EXPECT_EQ(r.alerts[0].domain, "gmail.com");
  EXPECT_EQ(r.alerts[0].provider, "gmail");
  EXPECT_EQ(r.alerts[0].hour_start, k2026_01_05);
  EXPECT_EQ(r.alerts[0].attempts, 20);
  EXPECT_EQ(r.alerts[0].deferrals, 3);
  EXPECT_DOUBLE_EQ(r.alerts[0].deferral_share, 0.15);
  EXPECT_EQ(r.alerts[0].level, "unusual");
  EXPECT_EQ(r.alerts[1].hour_start, k2026_01_05 + kHourMs);
  EXPECT_DOUBLE_EQ(r.alerts[1].deferral_share, 0.5);
  EXPECT_EQ(r.alerts[1].level, "act");
  EXPECT_EQ(r.totals.deferrals_by_reply, (NamedCounts{{"421 4.7.28", 18}}));
}

TEST(LogStats, EachDomainHasItsProvidersLevels) {
  // Outlook acts above 10%: 3 of 20 (15%) is "act" for hotmail.com, "unusual" for gmail.com.
  const LogStatsResult r = LogBuilder{}
                               .add(17, "d", "hotmail.com", k2026_01_05)
                               .add(3, "t", "hotmail.com", k2026_01_05, "421 RP-002 (X) too many messages")
                               .add(17, "d", "gmail.com", k2026_01_05)
                               .add(3, "t", "gmail.com", k2026_01_05, kThrottle)
                               .stats();
  ASSERT_EQ(r.alerts.size(), 2u);
  EXPECT_EQ(r.alerts[0].domain, "gmail.com");
  EXPECT_EQ(r.alerts[0].level, "unusual");
  EXPECT_EQ(r.alerts[1].domain, "hotmail.com");
  EXPECT_EQ(r.alerts[1].provider, "microsoft");
  EXPECT_EQ(r.alerts[1].level, "act");
  EXPECT_EQ(row(r, "hotmail.com").alert_act_share,
            default_profile_of_domain("hotmail.com").params.alert_act_share);
  EXPECT_EQ(row(r, "hotmail.com").deferrals_by_reply, (NamedCounts{{"421 RP-002", 3}}));
}

TEST(LogStats, CountsAsTheRecorderDoes) {
  const LogStatsResult r =
      LogBuilder{}
          .add(4, "d", "example.org", k2026_01_05, "250 ok", "", 2000)
          .add(1, "d", "example.org", k2026_01_05, "250 ok", "", 10'000)
          .add(2, "b", "example.org", k2026_01_05, "550 5.1.1 no such user", "bad-mailbox")
          .add(1, "b", "example.org", k2026_01_05, "421 4.7.0 bounced by a pattern rule", "other")
          .add(3, "b", "example.org", k2026_01_05, "554 5.4.7 delivery time expired", "message-expired")
          .add(2, "t", "example.org", k2026_01_05, "451 4.3.0 busy")
          .add(1, "r", "example.org", k2026_01_05)
          .stats();
  const DomainFigures& f = row(r, "example.org");
  EXPECT_EQ(f.provider, "other");
  EXPECT_EQ(f.delivered, 5);
  EXPECT_EQ(f.bounced, 3);
  EXPECT_EQ(f.expired, 3);
  EXPECT_EQ(f.attempts, 10);  // expiries are no attempt
  EXPECT_EQ(f.deferrals, 3);  // the 4xx bounced by a rule is a deferral too
  EXPECT_EQ(f.deferrals_by_reply, (NamedCounts{{"421 4.7.0", 1}, {"451 4.3.0", 2}}));
  EXPECT_EQ(f.bounces_by_reply, (NamedCounts{{"421 4.7.0", 1}, {"550 5.1.1", 2}}));
  EXPECT_EQ(f.bounces_by_category, (NamedCounts{{"bad-mailbox", 2}, {"other", 1}}));
  const LatencyFigures latency = f.latency.figures();
  EXPECT_EQ(latency.count, 5);
  EXPECT_DOUBLE_EQ(latency.mean_s, 3.6);
  EXPECT_DOUBLE_EQ(latency.p50_s, 2);
  EXPECT_DOUBLE_EQ(latency.max_s, 10);
  EXPECT_EQ(r.other_types, (NamedCounts{{"r", 1}}));
  EXPECT_EQ(r.records, 13);  // d, b and t records; the r record is not one
  EXPECT_EQ(r.totals.delivered, 5);
  EXPECT_TRUE(r.not_computed.empty());
}

TEST(LogStats, TheWindowKeepsFromAndDropsUntil) {
  const LogStatsResult r = LogBuilder{}
                               .add(1, "d", "a.org", k2026_01_05 - 1)
                               .add(2, "d", "a.org", k2026_01_05)
                               .add(1, "d", "a.org", k2026_01_05 + kHourMs)
                               .stats(k2026_01_05, k2026_01_05 + kHourMs);
  EXPECT_EQ(r.totals.delivered, 2);
  EXPECT_EQ(r.outside_window, 2);
}

TEST(LogStats, DomainsPastTheCapShareOneRowButDefaultProvidersKeepTheirs) {
  LogBuilder log;
  for (std::size_t i = 0; i < kMaxDomainRows + 5; ++i)
    log.add(1, "d", "d" + std::to_string(i) + ".org", k2026_01_05);
  log.add(1, "d", "Yahoo.com", k2026_01_05);
  const LogStatsResult r = log.stats();
  ASSERT_EQ(r.domains.size(), kMaxDomainRows + 2);
  EXPECT_EQ(r.domains.back().domain, kOtherDomainsRow);
  EXPECT_EQ(r.domains.back().delivered, 5);
  EXPECT_EQ(r.lumped_records, 5);
  EXPECT_EQ(row(r, "yahoo.com").provider, "yahoo");
}

TEST(LogStats, RecordsLongAfterTheirHourAreCountedButNotInShares) {
  const LogStatsResult r = LogBuilder{}
                               .add(1, "d", "a.org", k2026_01_05 + (kOpenHours + 1) * kHourMs)
                               .add(30, "t", "a.org", k2026_01_05, "421 4.7.0 later")
                               .stats();
  EXPECT_EQ(r.late_for_hourly, 30);
  EXPECT_EQ(r.totals.deferrals, 30);
  EXPECT_TRUE(r.alerts.empty());
}

TEST(LogStats, SaysWhatItCouldNotCompute) {
  std::istringstream in("type,timeLogged,rcpt\nd,0,a@b.c\n");
  AccountingReader reader(in);
  LogStats stats({}, {});
  AccountingRecord record;
  while (reader.next(record)) stats.add(record, reader.missing_optional_columns());
  const LogStatsResult r = stats.finish();
  EXPECT_EQ(r.not_computed,
            (std::vector<std::string>{"delivery latency: a header without timeQueued",
                                      "replies by key: a header without dsnDiag",
                                      "bounce categories and expiries: a header without bounceCat"}));
  EXPECT_EQ(r.latency_unusable, 1);
}

}  // namespace
}  // namespace delivsim::acctlog
