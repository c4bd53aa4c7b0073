#include "sample_run_result.h"

namespace delivsim {

namespace {

using std::chrono::hours;
using std::chrono::milliseconds;
using std::chrono::minutes;

std::vector<ProviderResult> sample_providers() {
  ProviderResult gmail;
  gmail.name = "gmail";
  gmail.profile = "gmail";
  gmail.counts = {.injected = 1000,
                  .delivered = 900,
                  .bounced = 30,
                  .expired = 20,
                  .queued_at_end = 50,
                  .attempts = 1500,
                  .deferrals = 400,
                  .delivered_inbox = 720};
  gmail.deferrals_by_reply = {{"421 4.7.28", 300}, {"421 4.7.0", 80}, {"450 4.2.1", 15}, {"421 4.3.0", 5}};
  gmail.bounces_by_reply = {{"550 5.1.1", 30}};
  gmail.deferrals_by_step = {{"end_of_data", 305}, {"greeting", 80}, {"rcpt_to", 15}};
  gmail.bytes_sent = 61250000;  // 1,225 bodies of 50,000 bytes
  gmail.deferral_rate = 400.0 / 1500.0;
  gmail.max_queue = 350;
  gmail.time_to_drain_s = std::nullopt;
  gmail.latency = {.mean_s = 2345.678912, .p50_s = 12.4, .p95_s = 15120, .p99_s = 50400, .max_s = 100000};

  ProviderResult other;
  other.name = "other";
  other.profile = "generic";
  other.counts = {.injected = 500,
                  .delivered = 495,
                  .bounced = 5,
                  .expired = 0,
                  .queued_at_end = 0,
                  .attempts = 520,
                  .deferrals = 15,
                  .delivered_inbox = 490};
  other.deferrals_by_reply = {{"421 4.7.0", 15}};
  other.bounces_by_reply = {{"550 5.1.1", 5}};
  other.deferrals_by_step = {{"greeting", 15}};
  other.bytes_sent = 25000000;
  other.deferral_rate = 15.0 / 520.0;
  other.max_queue = 40;
  other.time_to_drain_s = 273600;  // 3 days 4 hours
  other.latency = {.mean_s = 6.5, .p50_s = 2, .p95_s = 30, .p99_s = 45, .max_s = 61};
  // Overridden by the scenario; gmail keeps the Gmail profile's.
  other.thresholds = {.tier_high_min = 0.9,
                      .tier_medium_min = 0.6,
                      .tier_low_min = 1.0 / 3.0,
                      .spam_rate_good = 0.002,
                      .spam_rate_bad = 0.005,
                      .alert_unusual_share = 0.1,
                      .alert_act_share = 0.25};
  return {gmail, other};
}

Timeseries sample_timeseries() {
  Timeseries series;
  series.interval = hours(1);
  series.columns = {{"t_s", SeriesColumn::Kind::Count},
                    {"attempts_gmail", SeriesColumn::Kind::Count},
                    {"deferral_share_gmail", SeriesColumn::Kind::Ratio},
                    {"tier_ip_203.0.113.10_gmail", SeriesColumn::Kind::Tier}};
  series.rows = {{0, 120, 0.1234567, static_cast<int>(Tier::Medium)},
                 {3600, 130.5, 0.2, static_cast<int>(Tier::Low)},
                 {7200, 0, 0, static_cast<int>(Tier::High)}};
  return series;
}

void add_accounting(RunResult& result) {
  result.traffic_names = {"newsletter", "receipts"};
  result.traffic_orig = {"bounce@bounce.example.com", "bounce@mail.example.com"};
  result.traffic_message_size = {50000, 12000};
  result.traffic_pool = {"marketing", "transactional"};
  result.ip_addresses = {"203.0.113.10", "203.0.113.11"};
  result.recipient_domains = {"gmail.com", "example.net"};
  result.provider_mx = {"gmail-smtp-in.l.google.com", "mx.example.net"};
  result.reply_texts = {
      "250 2.0.0 OK",
      "421 4.7.28 [203.0.113.10] Our system has detected an unusual rate of unsolicited mail",
      "550 5.1.1 The email account that you tried to reach does not exist, see \"Bounces\"",
      "554 5.4.7 Message expired",
  };
  result.accounting = {
      {.type = 'd',
       .logged = minutes(15) + milliseconds(250),
       .queued = milliseconds(0),
       .message_id = 1,
       .recipient = 42,
       .reply = 0,
       .reply_kind = ReplyKind::Accepted},
      // The last millisecond of the first day, then the first of the second.
      {.type = 't',
       .logged = hours(24) - milliseconds(1),
       .queued = milliseconds(86000000),
       .message_id = 2,
       .recipient = 7,
       .reply = 1,
       .reply_kind = ReplyKind::QuotaExceeded},
      {.type = 'b',
       .logged = hours(24) + milliseconds(1),
       .queued = hours(1),
       .message_id = 3,
       .recipient = 9,
       .reply = 2,
       .reply_kind = ReplyKind::UnknownUser},
      // Across a month boundary: queued on January 31st, expired on February 1st.
      {.type = 'b',
       .logged = hours(24 * 27 + 1),
       .queued = hours(24 * 26),
       .message_id = 4,
       .recipient = 1234,
       .traffic = 1,
       .provider = 1,
       .ip = 1,
       .domain = 1,
       .reply = 3,
       .reply_kind = ReplyKind::Expired},
  };
}

}  // namespace

RunResult sample_run_result() {
  RunResult result;
  result.scenario = "output-sample";
  result.seed = 42;
  result.start_date = "2026-01-05T00:00:00Z";
  result.simulated = hours(48);
  result.totals = {.injected = 1500,
                   .delivered = 1395,
                   .bounced = 35,
                   .expired = 20,
                   .queued_at_end = 50,
                   .attempts = 2020,
                   .deferrals = 415,
                   .delivered_inbox = 1210};
  result.providers = sample_providers();
  result.traffic = {
      {"newsletter",
       "marketing",
       1200,
       1100,
       915,
       {.mean_s = 1900, .p50_s = 11, .p95_s = 15000, .p99_s = 50000, .max_s = 100000}},
      {"receipts",
       "transactional",
       300,
       295,
       295,
       {.mean_s = 1.5, .p50_s = 1, .p95_s = 2, .p99_s = 3, .max_s = 4}},
  };
  result.identities = {
      {IdentityKind::Ip, "203.0.113.10", "gmail", Tier::Low, 0.3125, 0.0042, std::nullopt},
      {IdentityKind::Dkim, "news.example.com", "gmail", Tier::Medium, 0.61, 0.0012, std::nullopt},
      {IdentityKind::Spf, "bounce.example.com", "other", Tier::High, 0.9, 0, std::nullopt},
  };
  result.alerts = {{"gmail", 3600, 0.18, "act"}, {"gmail", 7200, 0.0712, "unusual"}};
  result.timeseries = sample_timeseries();
  result.events_processed = 123456;
  add_accounting(result);
  return result;
}

}  // namespace delivsim
