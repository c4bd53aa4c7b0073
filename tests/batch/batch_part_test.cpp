// A part folder's manifest and records: written, read back, and refused with the file and member named.
#include "sim/batch/batch_part.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "sim/output/summary_json.h"
#include "tests/batch/compare_fixture.h"
#include "tests/test_id.h"

namespace delivsim {
namespace {

namespace fs = std::filesystem;

fs::path fresh_folder() {
  const fs::path dir =
      fs::temp_directory_path() / ("delivsim_batch_part_" + delivsim::testing::current_test_id());
  fs::remove_all(dir);
  return dir;
}

BatchRequest sample_request() {
  BatchRequest request;
  request.command = "compare --robust";
  request.scenario = "scenarios/x y.yaml";
  request.scenario_fingerprint = 0xfedcba9876543210ULL;
  request.overrides = {"duration=2d", "seed=7"};
  request.replications = 2;
  request.worlds = 4;
  request.seed = 18446744073709551615ULL;
  request.accounting = true;
  request.run_count = 16;
  return request;
}

/// Writes a part of the small two-strategy batch holding runs 1 and 2, and returns its folder.
fs::path write_sample_part(const ScenarioBatch& batch, const PartManifest& manifest,
                           const std::vector<RunResult>& results) {
  const fs::path dir = fresh_folder();
  const BatchPlan plan{batch.strategies, 2, std::nullopt};
  write_outputs_atomically(dir, part_output_files(manifest, plan, results));
  return dir;
}

std::string manifest_error(const std::string& text) {
  const fs::path dir = fresh_folder();
  fs::create_directories(dir);
  std::ofstream(dir / kPartManifestName) << text;
  try {
    read_part_manifest(dir);
  } catch (const BatchPartError& e) {
    const std::string message = e.what();
    return message.substr(message.find(": ") + 2);
  }
  return "no error";
}

TEST(BatchPart, ManifestAndRecordsRoundTrip) {
  const ScenarioBatch batch = testing::small_batch(testing::kTwoStrategies);
  const BatchPlan plan{batch.strategies, 2, std::nullopt};
  const std::vector<std::size_t> runs{1};
  const std::vector<RunResult> results = run_planned(plan, runs, 1);
  PartManifest manifest{sample_request(), runs, ShardSpec{1, 3}};
  manifest.request.run_count = plan.run_count();
  const fs::path dir = write_sample_part(batch, manifest, results);
  EXPECT_TRUE(fs::exists(dir / "run-000001" / "record.cbor"));
  EXPECT_TRUE(fs::exists(dir / "run-000001" / "summary.json")) << "plain runs keep their files to look at";
  EXPECT_FALSE(fs::exists(dir / "run-000000"));
  const PartManifest read = read_part_manifest(dir);
  EXPECT_EQ(read.request, manifest.request);
  EXPECT_EQ(read.runs, manifest.runs);
  ASSERT_TRUE(read.shard);
  EXPECT_EQ(read.shard->shard, 1u);
  EXPECT_EQ(read.shard->shards, 3u);
  EXPECT_EQ(summary_json(read_part_run(dir, 1, plan.run_count())), summary_json(results[0]));
  EXPECT_THROW(read_part_run(dir, 2, plan.run_count()), BatchPartError);
}

TEST(BatchPart, RunFoldersListInRunOrder) {
  EXPECT_EQ(run_folder_name(7, 96), "run-000007");
  EXPECT_EQ(run_folder_name(12, 2000000), "run-0000012");
  EXPECT_EQ(run_folder_name(0, 1), "run-000000");
}

TEST(BatchPart, RefusesAManifestNamingTheMember) {
  nlohmann::json good = nlohmann::json::parse(R"({"format": "delivsim batch part", "version": 1,
    "command": "sweep", "scenario": "s.yaml", "scenario_fnv1a_64": "00000000000000ff", "set": [],
    "replications": 3, "worlds": null, "seed": null, "accounting": false, "run_count": 10, "runs": "0,3-4",
    "shard": null})");
  EXPECT_EQ(manifest_error(good.dump()), "no error");
  const auto with = [&](const char* key, nlohmann::json value) {
    nlohmann::json changed = good;
    if (value.is_discarded()) {
      changed.erase(key);
    } else {
      changed[key] = value;
    }
    return manifest_error(changed.dump());
  };
  EXPECT_EQ(manifest_error("{").rfind("not JSON: ", 0), 0u);
  EXPECT_EQ(manifest_error("[]"), "expected a JSON object (a part's manifest)");
  EXPECT_EQ(manifest_error("{\"version\": 1e99999}").rfind("not JSON: ", 0), 0u)
      << "found by run_record_fuzzer: a number too large was an escaped nlohmann out_of_range";
  EXPECT_EQ(with("format", "other"), "format: expected \"delivsim batch part\"");
  EXPECT_EQ(with("version", 2), "version: this delivsim reads version 1");
  EXPECT_EQ(with("command", nlohmann::json::value_t::discarded), "command: is missing (expected a string)");
  EXPECT_EQ(with("scenario_fnv1a_64", "xyz"), "scenario_fnv1a_64: expected 16 hex digits");
  EXPECT_EQ(with("scenario_fnv1a_64", "-0000000000000ff"), "scenario_fnv1a_64: expected 16 hex digits");
  EXPECT_EQ(with("set", {1}), "set: expected a list of strings");
  EXPECT_EQ(with("replications", 0), "replications: expected a whole number from 1 to 1073741824");
  EXPECT_EQ(with("replications", -1), "replications: expected a whole number from 1 to 1073741824");
  EXPECT_EQ(with("seed", 1.5), "seed: expected a whole number from 0 to 18446744073709551615");
  EXPECT_EQ(with("accounting", "yes"), "accounting: expected true or false");
  EXPECT_EQ(with("run_count", 10000001), "run_count: expected a whole number from 1 to 10000000")
      << "a merge allocates per run: the count is bounded whatever part.json says";
  EXPECT_EQ(with("runs", "0-10"),
            "runs: run 10 is past the last run of this batch (10 runs, numbered 0 to 9)");
  EXPECT_EQ(with("runs", ""), "no error") << "a shard of a batch with fewer runs than shards holds none";
  EXPECT_EQ(with("shard", "1/3"), "shard: does not hold the runs of this shard");
  EXPECT_EQ(with("shard", "3/3").rfind("shard: shard 3 of 3: shards are counted from 0 to 2", 0), 0u);
  nlohmann::json shard = good;
  shard["shard"] = "0/3";
  shard["runs"] = "0,3,6,9";
  EXPECT_EQ(manifest_error(shard.dump()), "no error");
}

TEST(BatchPart, RefusesADamagedRecordNamingItsFile) {
  const ScenarioBatch batch = testing::small_batch(testing::kTwoStrategies);
  const BatchPlan plan{batch.strategies, 2, std::nullopt};
  const std::vector<std::size_t> runs{0};
  PartManifest manifest{sample_request(), runs, std::nullopt};
  manifest.request.run_count = plan.run_count();
  const fs::path dir = write_sample_part(batch, manifest, run_planned(plan, runs, 1));
  std::ofstream(dir / "run-000000" / "record.cbor", std::ios::trunc) << "not a record";
  try {
    read_part_run(dir, 0, plan.run_count());
    FAIL() << "a damaged record was read";
  } catch (const BatchPartError& e) {
    EXPECT_NE(std::string(e.what()).find((dir / "run-000000" / "record.cbor").string()), std::string::npos)
        << e.what();
  }
}

}  // namespace
}  // namespace delivsim
