#include "sim/output/summary_json.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <type_traits>

#include "sample_run_result.h"

namespace delivsim {
namespace {

using Json = nlohmann::ordered_json;

Json parsed_summary() {
  return Json::parse(summary_json(sample_run_result()));
}

std::vector<std::string> keys_of(const Json& object) {
  std::vector<std::string> keys;
  for (const auto& [key, value] : object.items()) keys.push_back(key);
  return keys;
}

/// An object inside summary.json (by JSON pointer) and the keys it must have, in order.
struct KeysCase {
  std::string pointer;
  std::vector<std::string> keys;
};

class SummaryKeys : public ::testing::TestWithParam<KeysCase> {};

TEST_P(SummaryKeys, AreAllPresentInOrder) {
  EXPECT_EQ(keys_of(parsed_summary().at(Json::json_pointer(GetParam().pointer))), GetParam().keys);
}

const std::vector<std::string> kProviderKeys = {
    "profile",       "injected",    "delivered",          "delivered_inbox",    "delivered_spam",
    "bounced",       "expired",     "queued_at_end",      "attempts",           "deferrals",
    "deferral_rate", "inbox_share", "deferrals_by_reply", "bounces_by_reply",   "deferrals_by_step",
    "bytes_sent",    "max_queue",   "time_to_drain_s",    "delivery_latency_s", "thresholds"};
const std::vector<std::string> kLatencyKeys = {"mean", "p50", "p95", "p99", "max"};

INSTANTIATE_TEST_SUITE_P(
    Objects, SummaryKeys,
    ::testing::Values(KeysCase{"",
                               {"schema_version", "scenario", "seed", "start_date", "simulated_s", "totals",
                                "providers", "traffic", "identities", "alerts", "events_processed"}},
                      KeysCase{"/totals",
                               {"injected", "delivered", "delivered_inbox", "delivered_spam", "bounced",
                                "expired", "queued_at_end", "attempts", "deferrals", "deferral_rate",
                                "delivered_share", "inbox_share"}},
                      KeysCase{"/providers", {"gmail", "other"}}, KeysCase{"/providers/gmail", kProviderKeys},
                      KeysCase{"/providers/other", kProviderKeys},
                      KeysCase{"/providers/gmail/delivery_latency_s", kLatencyKeys},
                      KeysCase{"/traffic", {"newsletter", "receipts"}},
                      KeysCase{"/traffic/receipts",
                               {"class", "injected", "delivered", "delivered_inbox", "delivered_spam",
                                "inbox_share", "suppressed", "delivery_latency_s"}},
                      KeysCase{"/traffic/receipts/delivery_latency_s", kLatencyKeys},
                      KeysCase{"/providers/other/thresholds",
                               {"tier_high_min", "tier_medium_min", "tier_low_min", "spam_rate_good",
                                "spam_rate_bad", "alert_unusual_share", "alert_act_share"}},
                      KeysCase{"/identities/0",
                               {"kind", "id", "provider", "final_tier", "final_score", "peak_spam_rate"}},
                      KeysCase{"/alerts/1", {"provider", "hour_start_s", "deferral_share", "level"}}));

TEST(SummaryJson, FilterColoursOnlyWhereAProfileHasBands) {
  RunResult result = sample_run_result();
  result.providers[0].filter_colours = FilterColourDays{.green = 5, .yellow = 2, .red = 1};
  result.identities[0].filter_colours = FilterColourDays{.green = 1, .yellow = 2, .red = 0};
  result.identities.push_back({IdentityKind::Ip, "203.0.113.11", "gmail", Tier::High, 0.9, 0,
                               FilterColourDays{.green = 0, .yellow = 0, .red = 0}});
  const Json summary = Json::parse(summary_json(result));
  std::vector<std::string> provider_keys = kProviderKeys;
  provider_keys.push_back("filter_colours");
  EXPECT_EQ(keys_of(summary["providers"]["gmail"]), provider_keys);
  EXPECT_EQ(summary["providers"]["gmail"]["filter_colours"],
            Json::parse(R"({"green": 5, "yellow": 2, "red": 1})"));
  EXPECT_EQ(keys_of(summary["providers"]["other"]), kProviderKeys) << "no bands, no key";
  EXPECT_EQ(keys_of(summary["identities"][0]),
            (std::vector<std::string>{"kind", "id", "provider", "final_tier", "final_score", "peak_spam_rate",
                                      "filter_colours", "worst_filter_colour"}));
  EXPECT_EQ(summary["identities"][0]["filter_colours"],
            Json::parse(R"({"green": 1, "yellow": 2, "red": 0})"));
  EXPECT_EQ(summary["identities"][0]["worst_filter_colour"], "yellow");
  EXPECT_EQ(summary["identities"][1].size(), 6u) << "a domain has no colours";
  EXPECT_TRUE(summary["identities"][3]["worst_filter_colour"].is_null()) << "no day with mail";
}

TEST(SummaryJson, HoldsTheRunsFigures) {
  const Json summary = parsed_summary();
  EXPECT_EQ(summary["schema_version"], 1);
  EXPECT_EQ(summary["scenario"], "output-sample");
  EXPECT_EQ(summary["seed"], 42);
  EXPECT_EQ(summary["start_date"], "2026-01-05T00:00:00Z");
  EXPECT_EQ(summary["simulated_s"], 172800.0);
  EXPECT_EQ(summary["events_processed"], 123456);
  EXPECT_EQ(
      summary["totals"],
      Json::parse(R"({"injected": 1500, "delivered": 1395, "delivered_inbox": 1210, "delivered_spam": 185,
      "bounced": 35, "expired": 20, "queued_at_end": 50, "attempts": 2020, "deferrals": 415,
      "deferral_rate": 0.205446, "delivered_share": 0.93, "inbox_share": 0.867384})"));
}

TEST(SummaryJson, HoldsEachProvidersFiguresWithNullForNeverDrained) {
  const Json providers = parsed_summary()["providers"];
  EXPECT_EQ(
      providers["gmail"],
      Json::parse(
          R"({"profile": "gmail", "injected": 1000, "delivered": 900, "delivered_inbox": 720, "delivered_spam": 180,
      "bounced": 30, "expired": 20, "queued_at_end": 50, "attempts": 1500, "deferrals": 400,
      "deferral_rate": 0.266667, "inbox_share": 0.8,
      "deferrals_by_reply": {"421 4.3.0": 5, "421 4.7.0": 80, "421 4.7.28": 300, "450 4.2.1": 15},
      "bounces_by_reply": {"550 5.1.1": 30},
      "deferrals_by_step": {"end_of_data": 305, "greeting": 80, "rcpt_to": 15}, "bytes_sent": 61250000,
      "max_queue": 350, "time_to_drain_s": null,
      "delivery_latency_s": {"mean": 2345.68, "p50": 12.4, "p95": 15120.0, "p99": 50400.0, "max": 100000.0},
      "thresholds": {"tier_high_min": 0.8, "tier_medium_min": 0.55, "tier_low_min": 0.3,
                     "spam_rate_good": 0.001, "spam_rate_bad": 0.003,
                     "alert_unusual_share": 0.05, "alert_act_share": 0.15}})"));
  EXPECT_EQ(providers["other"]["profile"], "generic");
  EXPECT_EQ(providers["other"]["time_to_drain_s"], 273600.0);
  EXPECT_EQ(providers["other"]["deferral_rate"], 0.0288462);
}

TEST(SummaryJson, HoldsEachTrafficSourcesPlacementAndLatency) {
  const Json traffic = parsed_summary()["traffic"];
  EXPECT_EQ(traffic["newsletter"], Json::parse(R"({"class": "marketing", "injected": 1200, "delivered": 1100,
      "delivered_inbox": 915, "delivered_spam": 185, "inbox_share": 0.831818, "suppressed": 0,
      "delivery_latency_s": {"mean": 1900.0, "p50": 11.0, "p95": 15000.0, "p99": 50000.0, "max": 100000.0}})"));
  EXPECT_EQ(traffic["receipts"]["delivered_spam"], 0);
  EXPECT_EQ(traffic["receipts"]["inbox_share"], 1.0);
  EXPECT_EQ(traffic["receipts"]["delivery_latency_s"]["mean"], 1.5);
}

TEST(SummaryJson, HoldsEachProvidersOwnThresholdsRoundedLikeEveryDouble) {
  const Json thresholds = parsed_summary()["providers"]["other"]["thresholds"];
  EXPECT_EQ(thresholds, Json::parse(R"({"tier_high_min": 0.9, "tier_medium_min": 0.6,
      "tier_low_min": 0.333333, "spam_rate_good": 0.002, "spam_rate_bad": 0.005,
      "alert_unusual_share": 0.1, "alert_act_share": 0.25})"));
  EXPECT_NE(summary_json(sample_run_result()).find("\"tier_low_min\": 0.333333,"), std::string::npos);
}

TEST(SummaryJson, ThresholdsAreTheReceiverParamsOfTheSameName) {
  // Every double parameter gets its own value, so a field copied from the wrong parameter, or written
  // under a name ReceiverParams does not have, fails.
  ReceiverParams params;
  int next = 0;
  visit_receiver_params(params, [&](const ParamInfo&, auto& field) {
    if constexpr (std::is_same_v<std::remove_reference_t<decltype(field)>, double>) field = 0.001 * ++next;
  });
  RunResult result;
  result.providers.emplace_back();
  result.providers[0].name = "p";
  result.providers[0].thresholds = ProviderThresholds::of(params);
  const Json written = Json::parse(summary_json(result))["providers"]["p"]["thresholds"];
  ASSERT_EQ(written.size(), 7u);
  for (const auto& item : written.items()) {
    const std::string name =
        item.key();                    // not a structured binding: lambdas cannot capture those before C++20
    const Json& value = item.value();  // in every compiler (clang 14 refuses)
    bool found = false;
    visit_receiver_params(params, [&](const ParamInfo& info, const auto& field) {
      if constexpr (std::is_same_v<std::remove_cvref_t<decltype(field)>, double>) {
        if (info.name != name) return;
        found = true;
        EXPECT_DOUBLE_EQ(value.get<double>(), field) << name;
      }
    });
    EXPECT_TRUE(found) << name << " is not a ReceiverParams number";
  }
}

TEST(SummaryJson, HoldsIdentitiesAndAlertsInOrder) {
  const Json summary = parsed_summary();
  EXPECT_EQ(summary["identities"], Json::parse(R"([
      {"kind": "ip", "id": "203.0.113.10", "provider": "gmail", "final_tier": "LOW", "final_score": 0.3125,
       "peak_spam_rate": 0.0042},
      {"kind": "dkim", "id": "news.example.com", "provider": "gmail", "final_tier": "MEDIUM", "final_score": 0.61,
       "peak_spam_rate": 0.0012},
      {"kind": "spf", "id": "bounce.example.com", "provider": "other", "final_tier": "HIGH", "final_score": 0.9,
       "peak_spam_rate": 0.0}])"));
  EXPECT_EQ(summary["alerts"], Json::parse(R"([
      {"provider": "gmail", "hour_start_s": 3600.0, "deferral_share": 0.18, "level": "act"},
      {"provider": "gmail", "hour_start_s": 7200.0, "deferral_share": 0.0712, "level": "unusual"}])"));
}

TEST(SummaryJson, IsPrettyPrintedWithShortNumbersAndATrailingNewline) {
  const std::string text = summary_json(sample_run_result());
  EXPECT_EQ(text.substr(0, 24), "{\n  \"schema_version\": 1,");
  EXPECT_EQ(text.back(), '\n');
  EXPECT_NE(text.find("\"deferral_rate\": 0.266667,"), std::string::npos);
  EXPECT_NE(text.find("\"deferral_rate\": 0.0288462,"), std::string::npos);
  EXPECT_EQ(text, summary_json(sample_run_result()));
}

TEST(SummaryJson, WritesAnEmptyRunWithEmptyCollections) {
  const Json summary = Json::parse(summary_json(RunResult{}));
  EXPECT_EQ(summary["providers"], Json::object());
  EXPECT_EQ(summary["identities"], Json::array());
  EXPECT_EQ(summary["alerts"], Json::array());
  EXPECT_EQ(summary["totals"]["delivered_share"], 0.0);
  EXPECT_EQ(summary["totals"]["deferral_rate"], 0.0);
  EXPECT_EQ(summary["totals"]["inbox_share"], 0.0) << "nothing delivered: 0, as the other shares";
}

}  // namespace
}  // namespace delivsim
