// The files of a batch of replications: names, nesting under a prefix, and what lands in the folder.
#include "sim/batch/replication_outputs.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>
#include <sstream>

#include "compare_fixture.h"
#include "sim/batch/aggregate_summary.h"
#include "sim/output/summary_json.h"

namespace delivsim {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> names(const std::vector<OutputFile>& files) {
  std::vector<std::string> result;
  for (const OutputFile& file : files) result.push_back(file.name);
  return result;
}

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

TEST(ReplicationOutputFiles, OneReplicationIsARunsFolder) {
  const std::vector<RunResult> one = testing::made_runs({{}});
  EXPECT_EQ(names(replication_output_files(one, false)),
            (std::vector<std::string>{"summary.json", "timeseries.csv"}));
  EXPECT_EQ(
      names(replication_output_files(one, true, "warmup/")),
      (std::vector<std::string>{"warmup/summary.json", "warmup/timeseries.csv", "warmup/accounting.csv"}));
}

TEST(ReplicationOutputFiles, SeveralHaveTheAggregateTheBandsAndAFolderEach) {
  const std::vector<RunResult> three = testing::made_runs({{}, {}, {}});
  EXPECT_EQ(
      names(replication_output_files(three, false)),
      (std::vector<std::string>{"summary.json", "timeseries_bands.csv", "rep-001/summary.json",
                                "rep-001/timeseries.csv", "rep-002/summary.json", "rep-002/timeseries.csv",
                                "rep-003/summary.json", "rep-003/timeseries.csv"}));
  const std::vector<std::string> nested = names(replication_output_files(three, true, "cold/"));
  ASSERT_EQ(nested.size(), 2u + 3u * 3u);
  EXPECT_EQ(nested[1], "cold/timeseries_bands.csv");
  EXPECT_EQ(nested.back(), "cold/rep-003/accounting.csv");
  EXPECT_THROW(replication_output_files({}, false), std::invalid_argument);
}

TEST(ReplicationOutputFiles, WritesEachReplicationsOwnSummaryAndTheAggregate) {
  std::vector<RunResult> runs = testing::made_runs({{.delivered = 90}, {.delivered = 95}});
  runs[1].seed = 7;
  const fs::path out =
      fs::temp_directory_path() / ("delivsim-replication-outputs-" + std::to_string(getpid()));
  fs::remove_all(out);
  write_replication_outputs(runs, out, false);
  EXPECT_EQ(read_text(out / "summary.json"), aggregate_summary_json(runs));
  EXPECT_EQ(read_text(out / "timeseries_bands.csv"), timeseries_bands_csv(runs));
  EXPECT_EQ(read_text(out / "rep-001" / "summary.json"), summary_json(runs[0]));
  EXPECT_EQ(read_text(out / "rep-002" / "summary.json"), summary_json(runs[1]));
  EXPECT_TRUE(fs::exists(out / "rep-002" / "timeseries.csv"));
  fs::remove_all(out);
}

}  // namespace
}  // namespace delivsim
