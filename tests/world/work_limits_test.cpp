// The work limits: what is refused before a run, where the refusal points, and how many runs fit at once.
#include "sim/world/work_limits.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "sim/scenario/scenario_batch.h"
#include "sim/scenario/scenario_loader.h"
#include "sim/yaml/scenario_error.h"

namespace delivsim {
namespace {

constexpr double kGiB = 1024.0 * 1024 * 1024;

std::string campaign_of(const std::string& campaign, const std::string& extra = "") {
  return "duration: 30d\n" + extra +
         "identities: {ips: [{address: 192.0.2.1}], domains: [{name: example.com}]}\n"
         "pools: {main: [192.0.2.1]}\n"
         "traffic:\n"
         "  - name: t\n"
         "    pool: main\n"
         "    dkim_domain: example.com\n"
         "    campaign: " +
         campaign + "\n";
}

WorkEstimate estimate_of(const std::string& text) {
  return estimate_work(parse_scenario(text, "w.yaml"), false);
}

/// The ScenarioError fit_work_to_limits throws (fails the test when it does not throw).
ScenarioError refusal(const std::vector<WorkEstimate>& runs, std::size_t replications, int threads,
                      const WorkLimits& limits = {}) {
  try {
    fit_work_to_limits(runs, replications, threads, limits);
  } catch (const ScenarioError& e) {
    return e;
  }
  ADD_FAILURE() << "not refused";
  return ScenarioError("", 0, 0, "", "", "");
}

TEST(WorkLimits, ARunOverTheMemoryLimitIsRefusedAtItsKeyWithTheEstimateAndTheOption) {
  const ScenarioError e = refusal({estimate_of(campaign_of("{recipients: 1e9}"))}, 1, 1);
  EXPECT_EQ(e.file, "w.yaml");
  EXPECT_EQ(e.line, 8);
  EXPECT_EQ(e.column, 28);
  EXPECT_EQ(e.field, "traffic[0].campaign.recipients");
  EXPECT_NE(e.problem.find("asks for about 56 GiB of memory for one run"), std::string::npos) << e.what();
  EXPECT_NE(e.problem.find("above the limit of 8.0 GiB"), std::string::npos) << e.what();
  EXPECT_NE(e.expected.find("--max-memory 57GiB"), std::string::npos) << e.what();
}

TEST(WorkLimits, TheMemoryOptionLiftsTheLimitUpToWhatARunCanNumber) {
  const std::vector<WorkEstimate> runs{estimate_of(campaign_of("{recipients: 2e8}"))};
  EXPECT_THROW(fit_work_to_limits(runs, 1, 1, {}), ScenarioError);
  EXPECT_EQ(fit_work_to_limits(runs, 1, 1, {64 * kGiB, kDefaultMaxEvents}), 1);
  // 2^32 messages: the world numbers them with 32 bits, whatever the limit.
  const ScenarioError e =
      refusal({estimate_of(campaign_of("{recipients: 5e9}"))}, 1, 1, {1e18, kDefaultMaxEvents * 100});
  EXPECT_NE(e.problem.find("more than a run can number"), std::string::npos) << e.what();
  EXPECT_EQ(e.field, "traffic[0].campaign.recipients");
  // Past the memory limit too, the refusal says the option cannot help.
  const ScenarioError memory = refusal({estimate_of(campaign_of("{recipients: 5e9}"))}, 1, 1);
  EXPECT_NE(memory.expected.find("--max-memory cannot help"), std::string::npos) << memory.what();
}

TEST(WorkLimits, TooManyEventsAreRefusedAtTheKeyAskingForThem) {
  const WorkEstimate run = estimate_of(campaign_of("{recipients: 10}", "timeseries_interval: 10ms\n"));
  const ScenarioError e = refusal({run}, 1, 1, {1e18, 1e8});
  EXPECT_EQ(e.field, "timeseries_interval");
  EXPECT_EQ(e.line, 2);
  EXPECT_NE(e.problem.find("asks for about 259M events in one run"), std::string::npos) << e.what();
  EXPECT_EQ(fit_work_to_limits({run}, 1, 1, {1e18, 3e8}), 1);
  EXPECT_NE(e.problem.find("above the limit of 100M"), std::string::npos) << e.what();
  EXPECT_NE(e.expected.find("--max-events 2.6e+08"), std::string::npos) << e.what();
}

TEST(WorkLimits, ParallelRunsShareTheMemoryAndKeptResultsAddUp) {
  const WorkEstimate run = estimate_of(campaign_of("{recipients: 1e7}"));
  const double working = run.peak_bytes() - kProcessBaseBytes - run.result_bytes();
  // Room for three runs at once (and every replication's result): four threads become three.
  const WorkLimits limits{kProcessBaseBytes + 3.5 * working + 8 * run.result_bytes(), kDefaultMaxEvents};
  EXPECT_EQ(fit_work_to_limits({run}, 8, 4, limits), 3);
  EXPECT_EQ(fit_work_to_limits({run}, 2, 4, limits), 2);  // never more than the runs
  const ScenarioError e = refusal({run}, 1'000'000, 1, limits);
  EXPECT_NE(e.problem.find("for 1.0M runs"), std::string::npos) << e.what();
  EXPECT_EQ(e.field, "replications");  // one run fits: the number of runs asks for the most
}

TEST(WorkLimits, EveryShippedScenarioFitsTheDefaultLimits) {
  const std::filesystem::path root = std::string(DELIVSIM_SOURCE_DIR) + "/scenarios";
  int files = 0;
  for (const auto& folder : {root, root / "regression"}) {
    for (const auto& entry : std::filesystem::directory_iterator(folder)) {
      if (entry.path().extension() != ".yaml") continue;
      ++files;
      // The ESP-scale speed benchmarks (issue 17) fit without accounting, in at most 4 GiB; every other
      // scenario fits with accounting, in at most 1 GiB.
      const std::string stem = entry.path().stem().string();
      const bool esp_scale = stem == "bench-10m" || stem == "bench-esp";
      const ScenarioBatch batch = load_scenario_batch(entry.path());
      std::vector<WorkEstimate> runs{estimate_work(batch.base, !esp_scale)};
      for (const ScenarioVariant& variant : batch.strategies)
        runs.push_back(estimate_work(variant.scenario, !esp_scale));
      for (const ScenarioVariant& variant : batch.sweep_points) {
        runs.push_back(estimate_work(variant.scenario, !esp_scale));
      }
      // As many threads as a large machine has: at worst fewer run at once, none is refused.
      EXPECT_GE(fit_work_to_limits(runs, static_cast<std::size_t>(batch.base.replications), 64, {}), 1)
          << entry.path();
      EXPECT_LT(runs.front().peak_bytes(), (esp_scale ? 4 : 1) * kGiB) << entry.path();
    }
  }
  EXPECT_GE(files, 17);
}

TEST(WorkLimits, FormatsBytesAndDescribesARun) {
  EXPECT_EQ(format_bytes(512), "512 B");
  EXPECT_EQ(format_bytes(3.4 * 1024 * 1024), "3.4 MiB");
  EXPECT_EQ(format_bytes(37 * kGiB), "37 GiB");
  const WorkEstimate run = estimate_of(campaign_of("{recipients: 1e6}"));
  EXPECT_EQ(describe_work(run), "about " + format_bytes(run.peak_bytes()) + ", 6.0M events per run");
}

}  // namespace
}  // namespace delivsim
