// The run record (sim/output/run_record.h): a result comes back exactly (every field, doubles bit for bit,
// the writers' bytes), from a hand-built result and from a simulated run; damaged or foreign bytes are
// refused with a RunRecordError that names the field.
#include "sim/output/run_record.h"

#include <gtest/gtest.h>

#include <bit>
#include <cctype>
#include <cmath>
#include <functional>
#include <limits>
#include <nlohmann/json.hpp>
#include <sstream>

#include "sample_run_result.h"
#include "sim/output/accounting_csv.h"
#include "sim/output/output_dir.h"
#include "sim/output/summary_json.h"
#include "sim/output/timeseries_csv.h"
#include "tests/scenario_fixture.h"

namespace delivsim {
namespace {

using Json = nlohmann::json;
using std::chrono::hours;
using std::chrono::milliseconds;

/// The sample result with what it lacks: colours, a drain time on one provider only, a routed pool, doubles
/// that a decimal or float encoding would change, and the extreme integers.
RunResult rich_result() {
  RunResult result = sample_run_result();
  result.seed = std::numeric_limits<std::uint64_t>::max();
  result.events_processed = std::numeric_limits<std::int64_t>::max();
  ProviderResult& gmail = result.providers[0];
  ProviderResult& other = result.providers[1];
  gmail.time_to_drain_s = std::nullopt;
  other.time_to_drain_s = 0.1;
  other.filter_colours = FilterColourDays{.green = 5, .yellow = 2, .red = 1};
  other.deferrals_by_reply[""] = 0;
  gmail.latency.p95_s = 1e-300;
  gmail.latency.p99_s = -0.0;
  gmail.latency.max_s = std::numeric_limits<double>::denorm_min();
  other.thresholds.spam_rate_good = std::numeric_limits<double>::max();
  other.thresholds.alert_act_share = std::numeric_limits<double>::infinity();
  result.identities[0].filter_colours = FilterColourDays{.green = 3, .yellow = 0, .red = 0};
  result.identities[0].final_score = 0.1 + 0.2;
  result.traffic[1].suppressed = 17;
  result.timeseries.rows[1][2] = -0.0;
  result.timeseries.rows[2][2] = 1.0 / 3.0;
  result.timeseries.interval = milliseconds(1500);
  result.provider_pool = {"", "routed"};
  result.accounting[0].message_id = std::numeric_limits<std::int64_t>::max();
  result.accounting[1].reply_kind = ReplyKind::Expired;
  return result;
}

std::uint64_t bits(double value) {
  return std::bit_cast<std::uint64_t>(value);
}

/// The bytes of every file run_output_files writes for `result`, by name.
std::map<std::string, std::string> output_files(const RunResult& result) {
  std::map<std::string, std::string> files;
  for (const OutputFile& file : run_output_files(result, !result.accounting.empty())) {
    std::ostringstream out;
    file.write(out);
    files[file.name] = out.str();
  }
  return files;
}

void expect_same_accounting(const RunResult& a, const RunResult& b) {
  ASSERT_EQ(a.accounting.size(), b.accounting.size());
  for (std::size_t i = 0; i < a.accounting.size(); ++i) {
    const AccountingRecord& x = a.accounting[i];
    const AccountingRecord& y = b.accounting[i];
    EXPECT_EQ(x.type, y.type) << i;
    EXPECT_EQ(x.logged, y.logged) << i;
    EXPECT_EQ(x.queued, y.queued) << i;
    EXPECT_EQ(x.message_id, y.message_id) << i;
    EXPECT_EQ(x.recipient, y.recipient) << i;
    EXPECT_EQ(x.traffic, y.traffic) << i;
    EXPECT_EQ(x.provider, y.provider) << i;
    EXPECT_EQ(x.ip, y.ip) << i;
    EXPECT_EQ(x.domain, y.domain) << i;
    EXPECT_EQ(x.reply, y.reply) << i;
    EXPECT_EQ(x.reply_kind, y.reply_kind) << i;
  }
}

TEST(RunRecord, RichResultComesBackExactly) {
  const RunResult original = rich_result();
  const std::string bytes = run_record_bytes(original);
  const RunResult parsed = parse_run_record(bytes);

  EXPECT_EQ(run_record_bytes(parsed), bytes);
  EXPECT_EQ(run_record_bytes(original), bytes);  // deterministic

  EXPECT_EQ(parsed.scenario, original.scenario);
  EXPECT_EQ(parsed.seed, std::numeric_limits<std::uint64_t>::max());
  EXPECT_EQ(parsed.start_date, original.start_date);
  EXPECT_EQ(parsed.simulated, hours(48));
  EXPECT_EQ(parsed.events_processed, std::numeric_limits<std::int64_t>::max());
  EXPECT_EQ(parsed.totals.delivered_inbox, original.totals.delivered_inbox);
  ASSERT_EQ(parsed.providers.size(), 2u);
  const ProviderResult& gmail = parsed.providers[0];
  const ProviderResult& other = parsed.providers[1];
  EXPECT_EQ(gmail.deferrals_by_reply, original.providers[0].deferrals_by_reply);
  EXPECT_EQ(gmail.deferrals_by_step, original.providers[0].deferrals_by_step);
  EXPECT_EQ(other.bounces_by_reply, original.providers[1].bounces_by_reply);
  EXPECT_EQ(other.deferrals_by_reply.at(""), 0);
  EXPECT_FALSE(gmail.time_to_drain_s.has_value());
  ASSERT_TRUE(other.time_to_drain_s.has_value());
  EXPECT_EQ(bits(*other.time_to_drain_s), bits(0.1));
  EXPECT_EQ(bits(gmail.latency.mean_s), bits(original.providers[0].latency.mean_s));
  EXPECT_EQ(bits(gmail.latency.p95_s), bits(1e-300));
  EXPECT_EQ(bits(gmail.latency.p99_s), bits(-0.0));
  EXPECT_EQ(bits(gmail.latency.max_s), bits(std::numeric_limits<double>::denorm_min()));
  EXPECT_EQ(bits(gmail.deferral_rate), bits(400.0 / 1500.0));
  EXPECT_EQ(gmail.thresholds, ProviderThresholds::gmail());
  EXPECT_EQ(other.thresholds, original.providers[1].thresholds);
  EXPECT_EQ(gmail.filter_colours, std::nullopt);
  EXPECT_EQ(other.filter_colours, (FilterColourDays{.green = 5, .yellow = 2, .red = 1}));
  EXPECT_EQ(parsed.identities[0].filter_colours, (FilterColourDays{.green = 3, .yellow = 0, .red = 0}));
  EXPECT_EQ(bits(parsed.identities[0].final_score), bits(0.1 + 0.2));
  EXPECT_EQ(parsed.identities[1].kind, IdentityKind::Dkim);
  EXPECT_EQ(parsed.identities[2].final_tier, Tier::High);
  EXPECT_EQ(parsed.traffic[1].suppressed, 17);
  EXPECT_EQ(parsed.traffic[0].traffic_class, "marketing");
  EXPECT_EQ(parsed.alerts[1].level, "unusual");
  EXPECT_EQ(bits(parsed.alerts[1].deferral_share), bits(0.0712));
  EXPECT_EQ(parsed.timeseries.interval, milliseconds(1500));
  ASSERT_EQ(parsed.timeseries.columns.size(), 4u);
  EXPECT_EQ(parsed.timeseries.columns[3].name, "tier_ip_203.0.113.10_gmail");
  EXPECT_EQ(parsed.timeseries.columns[2].kind, SeriesColumn::Kind::Ratio);
  EXPECT_EQ(parsed.timeseries.columns[3].kind, SeriesColumn::Kind::Tier);
  EXPECT_EQ(parsed.timeseries.rows, original.timeseries.rows);
  EXPECT_EQ(bits(parsed.timeseries.rows[1][2]), bits(-0.0));
  expect_same_accounting(parsed, original);
  EXPECT_EQ(parsed.traffic_names, original.traffic_names);
  EXPECT_EQ(parsed.traffic_orig, original.traffic_orig);
  EXPECT_EQ(parsed.ip_addresses, original.ip_addresses);
  EXPECT_EQ(parsed.recipient_domains, original.recipient_domains);
  EXPECT_EQ(parsed.provider_mx, original.provider_mx);
  EXPECT_EQ(parsed.reply_texts, original.reply_texts);
  EXPECT_EQ(parsed.traffic_message_size, original.traffic_message_size);
  EXPECT_EQ(parsed.traffic_pool, original.traffic_pool);
  EXPECT_EQ(parsed.provider_pool, original.provider_pool);
}

TEST(RunRecord, SampleResultGivesTheSameOutputFiles) {
  const RunResult original = sample_run_result();
  const RunResult parsed = parse_run_record(run_record_bytes(original));
  EXPECT_EQ(summary_json(parsed), summary_json(original));
  std::ostringstream series_a, series_b, accounting_a, accounting_b;
  write_timeseries_csv(original.timeseries, series_a);
  write_timeseries_csv(parsed.timeseries, series_b);
  EXPECT_EQ(series_b.str(), series_a.str());
  write_accounting_csv(original, accounting_a);
  write_accounting_csv(parsed, accounting_b);
  EXPECT_EQ(accounting_b.str(), accounting_a.str());
}

TEST(RunRecord, EmptyResultComesBack) {
  const RunResult empty;
  const std::string bytes = run_record_bytes(empty);
  const RunResult parsed = parse_run_record(bytes);
  EXPECT_EQ(run_record_bytes(parsed), bytes);
  EXPECT_TRUE(parsed.providers.empty());
  EXPECT_TRUE(parsed.accounting.empty());
  EXPECT_EQ(parsed.timeseries.interval, hours(1));
}

TEST(RunRecord, InfinitiesComeBackAndNanStaysNan) {
  RunResult result = sample_run_result();
  result.providers[0].latency.mean_s = -std::numeric_limits<double>::infinity();
  result.providers[0].latency.p50_s = std::numeric_limits<double>::quiet_NaN();
  const RunResult parsed = parse_run_record(run_record_bytes(result));
  EXPECT_EQ(parsed.providers[0].latency.mean_s, -std::numeric_limits<double>::infinity());
  EXPECT_TRUE(std::isnan(parsed.providers[0].latency.p50_s));
}

/// One field of RunResult changed: the record must carry the change (so no field is left out of it).
struct FieldChange {
  std::string field;
  std::function<void(RunResult&)> change;
};

void PrintTo(const FieldChange& change, std::ostream* out) {
  *out << change.field;
}

class EveryFieldIsRecorded : public ::testing::TestWithParam<FieldChange> {};

TEST_P(EveryFieldIsRecorded, ChangingItChangesTheRecordAndSurvivesTheRoundTrip) {
  const RunResult base = rich_result();
  RunResult changed = base;
  GetParam().change(changed);
  const std::string bytes = run_record_bytes(changed);
  EXPECT_NE(bytes, run_record_bytes(base));
  EXPECT_EQ(run_record_bytes(parse_run_record(bytes)), bytes);
}

std::vector<FieldChange> field_changes() {
  using R = RunResult&;
  return {
      {"scenario", [](R r) { r.scenario += "x"; }},
      {"seed", [](R r) { r.seed = 7; }},
      {"start_date", [](R r) { r.start_date = "2026-02-01T00:00:00Z"; }},
      {"simulated", [](R r) { r.simulated += milliseconds(1); }},
      {"totals.injected", [](R r) { ++r.totals.injected; }},
      {"totals.delivered", [](R r) { ++r.totals.delivered; }},
      {"totals.bounced", [](R r) { ++r.totals.bounced; }},
      {"totals.expired", [](R r) { ++r.totals.expired; }},
      {"totals.queued_at_end", [](R r) { ++r.totals.queued_at_end; }},
      {"totals.attempts", [](R r) { ++r.totals.attempts; }},
      {"totals.deferrals", [](R r) { ++r.totals.deferrals; }},
      {"totals.delivered_inbox", [](R r) { ++r.totals.delivered_inbox; }},
      {"provider.name", [](R r) { r.providers[1].name = "o"; }},
      {"provider.profile", [](R r) { r.providers[1].profile = "microsoft"; }},
      {"provider.counts", [](R r) { ++r.providers[1].counts.delivered_inbox; }},
      {"provider.deferrals_by_reply", [](R r) { r.providers[1].deferrals_by_reply["x"] = 1; }},
      {"provider.bounces_by_reply", [](R r) { r.providers[1].bounces_by_reply["x"] = 1; }},
      {"provider.deferrals_by_step", [](R r) { r.providers[1].deferrals_by_step["x"] = 1; }},
      {"provider.bytes_sent", [](R r) { ++r.providers[1].bytes_sent; }},
      {"provider.deferral_rate", [](R r) { r.providers[1].deferral_rate = -0.0; }},
      {"provider.max_queue", [](R r) { ++r.providers[1].max_queue; }},
      {"provider.time_to_drain_s set", [](R r) { r.providers[0].time_to_drain_s = 0.0; }},
      {"provider.time_to_drain_s null", [](R r) { r.providers[1].time_to_drain_s.reset(); }},
      {"provider.latency.mean_s", [](R r) { r.providers[1].latency.mean_s = 6.500000000000001; }},
      {"provider.latency.p50_s", [](R r) { r.providers[1].latency.p50_s = 3; }},
      {"provider.latency.p95_s", [](R r) { r.providers[1].latency.p95_s = 3; }},
      {"provider.latency.p99_s", [](R r) { r.providers[1].latency.p99_s = 3; }},
      {"provider.latency.max_s", [](R r) { r.providers[1].latency.max_s = 3; }},
      {"provider.thresholds.tier_high_min", [](R r) { r.providers[1].thresholds.tier_high_min = 1; }},
      {"provider.thresholds.tier_medium_min", [](R r) { r.providers[1].thresholds.tier_medium_min = 1; }},
      {"provider.thresholds.tier_low_min", [](R r) { r.providers[1].thresholds.tier_low_min = 1; }},
      {"provider.thresholds.spam_rate_good", [](R r) { r.providers[1].thresholds.spam_rate_good = 1; }},
      {"provider.thresholds.spam_rate_bad", [](R r) { r.providers[1].thresholds.spam_rate_bad = 1; }},
      {"provider.thresholds.alert_unusual_share",
       [](R r) { r.providers[1].thresholds.alert_unusual_share = 1; }},
      {"provider.thresholds.alert_act_share", [](R r) { r.providers[1].thresholds.alert_act_share = 1; }},
      {"provider.filter_colours null", [](R r) { r.providers[1].filter_colours.reset(); }},
      {"provider.filter_colours.green", [](R r) { ++r.providers[1].filter_colours->green; }},
      {"provider.filter_colours.yellow", [](R r) { ++r.providers[1].filter_colours->yellow; }},
      {"provider.filter_colours.red", [](R r) { ++r.providers[1].filter_colours->red; }},
      {"providers", [](R r) { r.providers.push_back(r.providers[0]); }},
      {"traffic.name", [](R r) { r.traffic[0].name = "n"; }},
      {"traffic.traffic_class", [](R r) { r.traffic[0].traffic_class = "transactional"; }},
      {"traffic.injected", [](R r) { ++r.traffic[0].injected; }},
      {"traffic.delivered", [](R r) { ++r.traffic[0].delivered; }},
      {"traffic.delivered_inbox", [](R r) { ++r.traffic[0].delivered_inbox; }},
      {"traffic.latency", [](R r) { r.traffic[0].latency.p99_s = 0.1; }},
      {"traffic.suppressed", [](R r) { ++r.traffic[0].suppressed; }},
      {"identity.kind", [](R r) { r.identities[1].kind = IdentityKind::Spf; }},
      {"identity.id", [](R r) { r.identities[1].id = "x"; }},
      {"identity.provider", [](R r) { r.identities[1].provider = "other"; }},
      {"identity.final_tier", [](R r) { r.identities[1].final_tier = Tier::Bad; }},
      {"identity.final_score", [](R r) { r.identities[1].final_score = 0.62; }},
      {"identity.peak_spam_rate", [](R r) { r.identities[1].peak_spam_rate = 0.5; }},
      {"identity.filter_colours", [](R r) { r.identities[1].filter_colours = FilterColourDays{}; }},
      {"alert.provider", [](R r) { r.alerts[0].provider = "other"; }},
      {"alert.hour_start_s", [](R r) { r.alerts[0].hour_start_s = 0; }},
      {"alert.deferral_share", [](R r) { r.alerts[0].deferral_share = 0.5; }},
      {"alert.level", [](R r) { r.alerts[0].level = "unusual"; }},
      {"alerts", [](R r) { r.alerts.clear(); }},
      {"timeseries.interval", [](R r) { r.timeseries.interval = hours(24); }},
      {"timeseries.column name", [](R r) { r.timeseries.columns[1].name = "x"; }},
      {"timeseries.column kind", [](R r) { r.timeseries.columns[1].kind = SeriesColumn::Kind::Ratio; }},
      {"timeseries.rows", [](R r) { r.timeseries.rows[0][1] = 121; }},
      {"events_processed", [](R r) { r.events_processed = 0; }},
      {"accounting.type", [](R r) { r.accounting[3].type = 't'; }},
      {"accounting.logged", [](R r) { r.accounting[3].logged += milliseconds(1); }},
      {"accounting.queued", [](R r) { r.accounting[3].queued += milliseconds(1); }},
      {"accounting.message_id", [](R r) { ++r.accounting[3].message_id; }},
      {"accounting.recipient", [](R r) { ++r.accounting[3].recipient; }},
      {"accounting.traffic", [](R r) { r.accounting[3].traffic = 0; }},
      {"accounting.provider", [](R r) { r.accounting[3].provider = 0; }},
      {"accounting.ip", [](R r) { r.accounting[3].ip = 0; }},
      {"accounting.domain", [](R r) { r.accounting[3].domain = 0; }},
      {"accounting.reply", [](R r) { r.accounting[3].reply = 0; }},
      {"accounting.reply_kind", [](R r) { r.accounting[3].reply_kind = ReplyKind::Blocklisted; }},
      {"traffic_names", [](R r) { r.traffic_names[0] = "x"; }},
      {"traffic_orig", [](R r) { r.traffic_orig[0] = "x"; }},
      {"ip_addresses", [](R r) { r.ip_addresses[0] = "x"; }},
      {"recipient_domains", [](R r) { r.recipient_domains[0] = "x"; }},
      {"provider_mx", [](R r) { r.provider_mx[0] = "x"; }},
      {"reply_texts", [](R r) { r.reply_texts[0] = "x"; }},
      {"traffic_message_size", [](R r) { ++r.traffic_message_size[0]; }},
      {"traffic_pool", [](R r) { r.traffic_pool[0] = "x"; }},
      {"provider_pool", [](R r) { r.provider_pool[0] = "x"; }},
  };
}

INSTANTIATE_TEST_SUITE_P(RunRecord, EveryFieldIsRecorded, ::testing::ValuesIn(field_changes()),
                         [](const ::testing::TestParamInfo<FieldChange>& info) {
                           std::string name;
                           for (char c : info.param.field)
                             name += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
                           return name;
                         });

/// Two warm IPs, Microsoft (colour bands) and Gmail, two days, accounting on.
RunResult simulated_run() {
  const std::string text =
      "name: record\nseed: 11\nduration: 2d\nidentities:\n  ips:\n"
      "    - {address: 192.0.2.1, age: warm, established_per_day: 100000}\n"
      "    - {address: 192.0.2.2, age: warm, established_per_day: 100000}\n"
      "  domains: [{name: example.com, age: warm, established_per_day: 100000}]\n"
      "pools: {main: [192.0.2.1, 192.0.2.2]}\ntraffic:\n"
      "  - {name: t, pool: main, dkim_domain: example.com, stream: {rate: 2000/d, population: 50000}, "
      "domains: {outlook.com: 0.5, gmail.com: 0.5}, list: {unknown_user_share: 0.02}}\n"
      "providers:\n  microsoft: {profile: microsoft, domains: [outlook.com]}\n"
      "  gmail: {profile: gmail, domains: [gmail.com]}\n";
  RunOptions options;
  options.accounting = true;
  return run_scenario(parse_scenario(text, "record.yaml"), options);
}

TEST(RunRecord, SimulatedRunWritesTheSameFilesAfterTheRoundTrip) {
  const RunResult original = simulated_run();
  ASSERT_GT(original.accounting.size(), 1000u);
  ASSERT_TRUE(original.providers[0].filter_colours.has_value());
  const std::string bytes = run_record_bytes(original);
  const RunResult parsed = parse_run_record(bytes);
  EXPECT_EQ(run_record_bytes(parsed), bytes);
  expect_same_accounting(parsed, original);
  const auto files = output_files(original);
  ASSERT_EQ(files.size(), 3u);
  EXPECT_EQ(output_files(parsed), files);
}

// Refusals.

/// The record's JSON, for tests that damage one field.
Json record_json(const RunResult& result) {
  return Json::from_cbor(run_record_bytes(result));
}

std::string cbor(const Json& json) {
  std::string bytes;
  Json::to_cbor(json, bytes);
  return bytes;
}

/// The message parse_run_record throws for `bytes` ("" if it accepts them).
std::string refusal(std::string_view bytes) {
  try {
    parse_run_record(bytes);
  } catch (const RunRecordError& e) {
    return e.what();
  }
  return "";
}

TEST(RunRecordRefusal, EmptyInput) {
  EXPECT_NE(refusal("").find("not a run record"), std::string::npos);
}

TEST(RunRecordRefusal, EveryTruncation) {
  const std::string bytes = run_record_bytes(rich_result());
  for (std::size_t size = 0; size < bytes.size(); ++size) {
    EXPECT_NE(refusal(std::string_view(bytes).substr(0, size)), "") << size;
  }
}

TEST(RunRecordRefusal, TrailingBytes) {
  EXPECT_NE(refusal(run_record_bytes(sample_run_result()) + '\0'), "");
}

TEST(RunRecordRefusal, WrongVersionAndFormat) {
  Json record = record_json(sample_run_result());
  record["version"] = 2;
  EXPECT_EQ(refusal(cbor(record)), "version: version 2, this build reads version 1");
  record = record_json(sample_run_result());
  record["format"] = "summary.json";
  EXPECT_EQ(refusal(cbor(record)), "format: expected \"delivsim run record\"");
  EXPECT_EQ(refusal(cbor(Json::array({1, 2}))), "run record: expected an object");
}

/// A damage to the sample's record and the message that must name it.
struct Damage {
  std::string name;
  std::function<void(Json&)> apply;
  std::string message;
};

void PrintTo(const Damage& damage, std::ostream* out) {
  *out << damage.name;
}

class RunRecordDamage : public ::testing::TestWithParam<Damage> {};

TEST_P(RunRecordDamage, IsRefusedNamingTheField) {
  Json record = record_json(sample_run_result());
  GetParam().apply(record);
  EXPECT_EQ(refusal(cbor(record)), GetParam().message);
}

std::vector<Damage> damages() {
  using J = Json&;
  return {
      {"mistyped", [](J j) { j["providers"][1]["latency"]["p95_s"] = "30"; },
       "providers[1].latency.p95_s: expected a number"},
      {"missing", [](J j) { j["totals"].erase("injected"); }, "totals.injected: missing"},
      {"negative_count", [](J j) { j["providers"][0]["counts"]["bounced"] = -1; },
       "providers[0].counts.bounced: expected a count >= 0, not -1"},
      {"negative_map_count", [](J j) { j["providers"][0]["bounces_by_reply"]["550 5.1.1"] = -3; },
       "providers[0].bounces_by_reply.550 5.1.1: expected a count >= 0, not -3"},
      {"seed_negative", [](J j) { j["seed"] = -1; }, "seed: expected an unsigned integer"},
      {"tier_out_of_range", [](J j) { j["identities"][2]["final_tier"] = 4; },
       "identities[2].final_tier: expected a number in [0, 3], not 4"},
      {"identity_kind_out_of_range", [](J j) { j["identities"][0]["kind"] = 3; },
       "identities[0].kind: expected a number in [0, 2], not 3"},
      {"column_kind_out_of_range", [](J j) { j["timeseries"]["kinds"][1] = 3; },
       "timeseries.kinds[1]: expected a number in [0, 2], not 3"},
      {"row_too_short", [](J j) { j["timeseries"]["rows"][1].erase(3); },
       "timeseries.rows[1]: 3 cells for 4 columns"},
      {"row_cell_mistyped", [](J j) { j["timeseries"]["rows"][2][1] = nullptr; },
       "timeseries.rows[2][1]: expected a number"},
      {"interval_zero", [](J j) { j["timeseries"]["interval_ms"] = 0; },
       "timeseries.interval_ms: expected a positive interval"},
      {"provider_index", [](J j) { j["accounting"]["provider"][3] = 2; },
       "accounting.provider[3]: index 2 is past providers (2 entries)"},
      {"reply_index", [](J j) { j["accounting"]["reply"][0] = 4; },
       "accounting.reply[0]: index 4 is past reply_texts (4 entries)"},
      {"index_beyond_uint16", [](J j) { j["accounting"]["ip"][0] = 65536; },
       "accounting.ip[0]: expected an integer in [0, 65535]"},
      {"negative_time", [](J j) { j["accounting"]["logged_ms"][2] = -5; },
       "accounting.logged_ms[2]: expected an integer in [0, 9223372036854775807]"},
      {"column_too_short", [](J j) { j["accounting"]["queued_ms"].erase(0); },
       "accounting.queued_ms: 3 entries, expected 4 (as accounting.type)"},
      {"record_type", [](J j) { j["accounting"]["type"].get_binary()[1] = 'x'; },
       "accounting.type[1]: expected 'd', 'b' or 't'"},
      {"reply_kind",
       [](J j) {
         j["accounting"]["reply_kind"].get_binary()[2] = static_cast<std::uint8_t>(kReplyKindCount);
       },
       "accounting.reply_kind[2]: 24 is not a ReplyKind"},
      {"type_not_bytes", [](J j) { j["accounting"]["type"] = "dtbb"; },
       "accounting.type: expected a byte string"},
      {"table_mistyped", [](J j) { j["reply_texts"][1] = 7; }, "reply_texts[1]: expected a string"},
      {"drain_mistyped", [](J j) { j["providers"][1]["time_to_drain_s"] = true; },
       "providers[1].time_to_drain_s: expected a number"},
      {"colours_mistyped", [](J j) { j["providers"][1]["filter_colours"] = Json::array(); },
       "providers[1].filter_colours: expected an object"},
  };
}

INSTANTIATE_TEST_SUITE_P(RunRecord, RunRecordDamage, ::testing::ValuesIn(damages()),
                         [](const ::testing::TestParamInfo<Damage>& info) { return info.param.name; });

TEST(RunRecordRefusal, DeepNestingIsRefusedWithoutRecursingIntoIt) {
  const std::string nested(200000, '\x81');  // [[[[... : one-element arrays, never closed
  EXPECT_NE(refusal(nested).find("nested deeper than"), std::string::npos);
}

TEST(RunRecordRefusal, NestedIndefiniteLengthStringsAreRefusedWithoutRecursingIntoThem) {
  // Indefinite-length byte and text strings, each chunk another such string (nlohmann's reader recursed once
  // per chunk: a stack overflow the run_record fuzzer found), and one at the top of a record's map.
  for (const char head : {'\x5f', '\x7f'}) {
    EXPECT_NE(refusal(std::string(200000, head)).find("an indefinite length at byte 0"), std::string::npos);
  }
  EXPECT_NE(refusal("\xa1\x61k\x5f\x41x\xff").find("an indefinite length at byte 3"), std::string::npos);
}

TEST(RunRecordRefusal, ALoneBreakCodeIsNamedAsOne) {
  EXPECT_NE(refusal("\xff").find("a break code (the end of an indefinite length) at byte 0"),
            std::string::npos);
  EXPECT_NE(refusal("\x82\x01\xff").find("a break code (the end of an indefinite length) at byte 2"),
            std::string::npos);
}

TEST(RunRecordRefusal, TagsAndTruncatedItemsAreRefusedBeforeDecoding) {
  EXPECT_NE(refusal("\xc6\x41x").find("a tag at byte 0"), std::string::npos);
  EXPECT_NE(refusal("\x82\x01").find("truncated"), std::string::npos);
  EXPECT_NE(refusal("\x63"
                    "ab")
                .find("truncated"),
            std::string::npos);
}

TEST(RunRecordRefusal, HugeDeclaredLengthsAllocateNothing) {
  // An array, a text string and a byte string each claiming 2^64-1 entries, followed by nothing.
  for (const char head : {'\x9b', '\x7b', '\x5b'}) {
    EXPECT_NE(refusal(std::string(1, head) + std::string(8, '\xff')), "");
  }
}

}  // namespace
}  // namespace delivsim
