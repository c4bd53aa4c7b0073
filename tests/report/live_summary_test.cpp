// A damaged or hand-edited live run's summary.json: every problem is a ReportInputError naming the file and
// the key path, never a JSON library message or a crash.
#include <gtest/gtest.h>

#include <cstdint>

#include "sim/report/json_file.h"
#include "sim/report/live_summary.h"
#include "sim/report/report.h"
#include "sim/report/report_error.h"
#include "tests/report/live_fixture.h"

namespace delivsim::report {
namespace {

using Json = nlohmann::ordered_json;

struct LiveDamage {
  std::string name;
  std::function<void(Json&)> edit;
  std::string
      message;  ///< expected in the error, after "<folder>/summary.json: not a live run's summary.json: "
};

class DamagedLiveSummary : public ::testing::TestWithParam<LiveDamage> {};

TEST_P(DamagedLiveSummary, IsAReportInputErrorNamingFileAndField) {
  const std::filesystem::path dir = testing::live_folder_with_summary(GetParam().edit);
  try {
    report_html(dir);
    FAIL() << "the damaged live summary was reported";
  } catch (const ReportInputError& e) {
    const std::string expected =
        (dir / "summary.json").string() + ": not a live run's summary.json: " + GetParam().message;
    EXPECT_NE(std::string(e.what()).find(expected), std::string::npos) << e.what();
  }
}

Json& gmail(Json& summary) {
  return summary["providers"][0];
}

INSTANTIATE_TEST_SUITE_P(
    Cases, DamagedLiveSummary,
    ::testing::Values(
        LiveDamage{"ModeNotLive", [](Json& s) { s["mode"] = "batch"; },
                   "mode: expected \"live\", found \"batch\""},
        LiveDamage{"ModeNotAString", [](Json& s) { s["mode"] = 1; }, "mode: expected a string, found number"},
        LiveDamage{"ScenarioMissing", [](Json& s) { s.erase("scenario"); }, "scenario: missing"},
        LiveDamage{"TimeScaleAString", [](Json& s) { s["time_scale"] = "fast"; },
                   "time_scale: expected a number, found string"},
        LiveDamage{"TimeScaleZero", [](Json& s) { s["time_scale"] = 0; },
                   "time_scale: expected a number above 0, found 0"},
        LiveDamage{"ModelTimeNegative", [](Json& s) { s["model_time_s"] = -1; },
                   "model_time_s: expected 0 to 9000000000000000 seconds, found -1"},
        LiveDamage{"UnknownClientsFractional", [](Json& s) { s["unknown_clients"] = 1.5; },
                   "unknown_clients: expected a whole number (at most 2^63 - 1), found the number 1.5"},
        LiveDamage{"ProvidersAnObject", [](Json& s) { s["providers"] = Json::object(); },
                   "providers: expected an array, found object"},
        LiveDamage{"ProviderNotAnObject", [](Json& s) { s["providers"][1] = 3; },
                   "providers[1]: expected an object holding 'name', found number"},
        LiveDamage{"AttemptsMissing", [](Json& s) { gmail(s).erase("attempts"); },
                   "providers[0].attempts: missing"},
        LiveDamage{"DeliveredAString", [](Json& s) { gmail(s)["delivered"] = "249"; },
                   "providers[0].delivered: expected a whole number (at most 2^63 - 1), found string"},
        LiveDamage{"ReplyCountNotWhole", [](Json& s) { gmail(s)["deferrals_by_reply"]["421 4.7.0"] = "x"; },
                   "providers[0].deferrals_by_reply.421 4.7.0: expected a whole number"},
        LiveDamage{"BouncesByReplyAnArray", [](Json& s) { gmail(s)["bounces_by_reply"] = Json::array(); },
                   "providers[0].bounces_by_reply: expected an object, found array"},
        LiveDamage{"IdentityTierUnknown", [](Json& s) { gmail(s)["identities"][2]["tier"] = "GOLD"; },
                   "providers[0].identities[2].tier: unknown tier 'GOLD'"},
        LiveDamage{"IdentityKindUnknown", [](Json& s) { gmail(s)["identities"][0]["kind"] = "arc"; },
                   "providers[0].identities[0].kind: unknown identity kind 'arc'"},
        LiveDamage{"IdentityScoreMissing", [](Json& s) { gmail(s)["identities"][1].erase("score"); },
                   "providers[0].identities[1].score: missing"},
        LiveDamage{"ThresholdsAnArray", [](Json& s) { gmail(s)["thresholds"] = Json::array(); },
                   "providers[0].thresholds: expected an object, found array"},
        LiveDamage{"ThresholdMissing", [](Json& s) { gmail(s)["thresholds"].erase("tier_low_min"); },
                   "providers[0].thresholds.tier_low_min: missing"},
        LiveDamage{"ProfileANumber", [](Json& s) { gmail(s)["profile"] = 7; },
                   "providers[0].profile: expected a string, found number"},
        LiveDamage{"ProviderNamedTwice", [](Json& s) { s["providers"][2]["name"] = "gmail"; },
                   "providers[2].name: 'gmail' names an earlier provider as well"},
        LiveDamage{"TotalOverflows",
                   [](Json& s) {
                     for (Json& provider : s["providers"]) provider["attempts"] = INT64_MAX / 2;
                   },
                   "providers: the providers' attempts add up to more than 2^63 - 1"},
        LiveDamage{"TooManyProviders",
                   [](Json& s) {
                     const Json first = s["providers"][0];
                     s["providers"] = Json::array();
                     for (int i = 0; i <= 1000; ++i) {
                       s["providers"].push_back(first);
                       s["providers"].back()["name"] = "p" + std::to_string(i);
                     }
                   },
                   "providers: 1001 providers, more than 1000"}),
    [](const ::testing::TestParamInfo<LiveDamage>& info) { return info.param.name; });

TEST(LiveSummary, ReadsEachProvidersProfileAndThresholdsAndFallsBackToGmailsWithout) {
  const std::filesystem::path dir = testing::live_folder_with_summary([](Json&) {});
  const Json summary = read_json_object_file(dir / "summary.json");
  const LiveSummary live = live_summary_from_json(summary, dir / "summary.json");
  ASSERT_EQ(live.providers.size(), 4u);
  EXPECT_EQ(live.providers[2].profile, "yahoo");
  EXPECT_DOUBLE_EQ(live.providers[2].thresholds.alert_act_share, 0.2);  // Yahoo's, not Gmail's 0.15
  Json older = summary;
  older["providers"][2].erase("thresholds");
  older["providers"][2].erase("profile");
  const LiveSummary before = live_summary_from_json(older, dir / "summary.json");
  EXPECT_EQ(before.providers[2].profile, "");
  EXPECT_EQ(before.providers[2].thresholds, ProviderThresholds::gmail());
}

TEST(DamagedLiveFolder, MissingTimeseriesIsNamed) {
  const std::filesystem::path dir = testing::live_folder_with_summary([](Json&) {});
  std::filesystem::remove(dir / "timeseries.csv");
  try {
    report_html(dir);
    FAIL() << "a live folder without timeseries.csv was reported";
  } catch (const ReportInputError& e) {
    EXPECT_EQ(std::string(e.what()), (dir / "timeseries.csv").string() + ": no such file");
  }
}

}  // namespace
}  // namespace delivsim::report
