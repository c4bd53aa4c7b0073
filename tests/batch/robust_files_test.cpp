// robust.json, robust.csv and the printed robust comparison of a hand-made result.
#include <gtest/gtest.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "sim/batch/robust_files.h"
#include "sim/batch/robust_table.h"
#include "sim/output/headline.h"
#include "tests/batch/compare_fixture.h"

namespace delivsim {
namespace {

using Value = std::optional<double>;

/// Outcomes whose figures are all 1 but the delivered share and the time to drain.
std::vector<WorldOutcome> worlds_of(const std::vector<Value>& shares, const std::vector<Value>& drains) {
  std::vector<WorldOutcome> worlds;
  for (std::size_t w = 0; w < shares.size(); ++w) {
    WorldOutcome world{{}, std::vector<Value>(headline_figures().size(), 1.0)};
    world.figures[0] = shares[w];  // delivered_share
    world.figures[3] = drains[w];  // time_to_drain_s
    worlds.push_back(std::move(world));
  }
  return worlds;
}

/// Two strategies in two worlds varying weight_ip and reputation_update_interval; "slow" never drains in
/// world 2.
RobustResult made_result() {
  const WorldDesign design{
      7,
      {{"gmail", "weight_ip", 0.2, 0.6, RangeScale::Linear},
       {"gmail", "reputation_update_interval", Duration(std::chrono::minutes(15)),
        Duration(std::chrono::hours(4)), RangeScale::Log}},
      {{0.25, Duration(std::chrono::minutes(30))}, {0.5, Duration(std::chrono::hours(2))}}};
  const ScenarioBatch batch = testing::small_batch(
      "strategies:\n  - {name: fast, description: \"all at once, now\", set: {seed: 5}}\n"
      "  - {name: slow, set: {seed: 5}}\n");
  return summarise_robust(batch, design, 1,
                          {worlds_of({0.5, 0.6}, {3600, 7200}), worlds_of({0.7, 0.9}, {7200, std::nullopt})});
}

TEST(RobustFiles, JsonHoldsTheFactsTheDrawsAndEveryStrategysStanding) {
  const RobustResult result = made_result();
  const nlohmann::ordered_json json = nlohmann::ordered_json::parse(robust_json(result));
  std::vector<std::string> keys;
  for (const auto& [key, value] : json.items()) keys.push_back(key);
  EXPECT_EQ(keys,
            (std::vector<std::string>{"format", "version", "scenario", "path", "seed", "uncertainty_seed",
                                      "worlds", "replications", "noise_rank_correlation", "varied",
                                      "world_values", "figures", "strategies"}));
  EXPECT_EQ(json["format"], "delivsim-robust");
  EXPECT_EQ(json["version"], 1);
  EXPECT_EQ(json["seed"], 5);
  EXPECT_EQ(json["uncertainty_seed"], 7);
  EXPECT_EQ(json["worlds"], 2);
  EXPECT_EQ(json["noise_rank_correlation"], 1.96);
  EXPECT_EQ(json["varied"][1]["label"], "gmail.reputation_update_interval");
  EXPECT_EQ(json["varied"][1]["low"], "15m");
  EXPECT_EQ(json["varied"][1]["scale"], "log");
  EXPECT_EQ(json["world_values"][1][1], 7200) << "durations in seconds";
  EXPECT_EQ(json["figures"][0]["better"], "higher");
  const auto& fast = json["strategies"][0];
  EXPECT_EQ(fast["description"], "all at once, now");
  EXPECT_EQ(fast["worlds"][1][0], 0.6);
  EXPECT_TRUE(fast["figures"][0]["versus_first"].is_null());
  EXPECT_TRUE(fast["figures"][0]["verdict"].is_null());
  const auto& slow = json["strategies"][1];
  EXPECT_TRUE(slow["worlds"][1][3].is_null()) << "never drained";
  const auto& share = slow["figures"][0];
  EXPECT_EQ(share["key"], "delivered_share");
  EXPECT_EQ(share["best_share"], 1.0);
  EXPECT_EQ(share["versus_first"]["wins"], 1.0);
  EXPECT_EQ(share["difference"]["mean"], 0.25);
  EXPECT_EQ(share["verdict"], "slow beats fast on delivered share in 100% of 2 worlds (p5 +20.5 pp)");
  EXPECT_EQ(share["sensitivity"][0]["param"], "gmail.weight_ip");
  EXPECT_EQ(share["sensitivity"][0]["rank_correlation"], 1.0);
  EXPECT_EQ(slow["figures"][3]["versus_first"]["losses"], 1.0);
  EXPECT_EQ(slow["figures"][3]["difference"]["p50"], 3600) << "only world 1 has both values";
}

TEST(RobustFiles, CsvHasARowPerStrategyAndWorld) {
  const std::string csv = robust_csv(made_result());
  EXPECT_EQ(csv.substr(0, csv.find('\n')),
            "strategy,world,gmail.weight_ip,gmail.reputation_update_interval_s,delivered_share,deferral_rate,"
            "max_queue,time_to_drain_s,p95_latency_s,final_tier,bounced,expired");
  EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'), 5);
  EXPECT_NE(csv.find("\nfast,1,0.25,1800,0.5,1,1,3600,1,1,1,1\n"), std::string::npos) << csv;
  EXPECT_NE(csv.find("\nslow,2,0.5,7200,0.9,1,1,,1,1,1,1\n"), std::string::npos) << csv;
}

TEST(RobustFiles, OutputFilesAreRobustJsonAndCsv) {
  const RobustResult result = made_result();
  std::vector<std::string> names;
  for (const OutputFile& file : robust_output_files(result)) names.push_back(file.name);
  EXPECT_EQ(names, (std::vector<std::string>{"robust.json", "robust.csv"}));
}

TEST(RobustTable, PrintsTheFactsAFigureTableVerdictsAndSensitivities) {
  const std::string text = format_robust_table(made_result());
  EXPECT_EQ(
      text.substr(0, text.find('\n')),
      "Robust comparison: 2 strategies x 2 receiver worlds (2 assumed parameters varied, Latin hypercube "
      "seed 7), 1 replication per world");
  EXPECT_NE(text.find("\nDelivered share              fast                            slow\n"
                      "  best in                      0%                            100%\n"
                      "  beats fast                    -                            100%\n"
                      "  ties                          -                              0%\n"
                      "  loses                         -                              0%\n"
                      "  difference p5 / p50 / p95     -  +20.5 pp / +25.0 pp / +29.5 pp\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("\nVerdicts\n  slow beats fast on delivered share in 100% of 2 worlds (p5 +20.5 pp)\n"
                      "  slow loses to fast on time to drain in 100% of 2 worlds (p5 +1.0h)\n"),
            std::string::npos)
      << text;
  EXPECT_EQ(text.find("on deferral rate"), std::string::npos) << "every world ties: no verdict line";
  EXPECT_NE(text.find("\nWhat the differences hinge on (Spearman's rho; |rho| >= 1.96 is beyond noise at 2 "
                      "worlds)\n  slow - fast, delivered share: gmail.weight_ip +1.00, "
                      "gmail.reputation_update_interval +1.00\n"),
            std::string::npos)
      << text;
  EXPECT_EQ(text.find("slow - fast, time to drain"), std::string::npos)
      << "one world with both: no variation";
}

}  // namespace
}  // namespace delivsim
