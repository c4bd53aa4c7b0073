// --runs SPEC, --shard i/N and the SPEC a merge prints for the missing runs.
#include "sim/batch/run_selection.h"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <vector>

namespace delivsim {
namespace {

using Runs = std::vector<std::size_t>;

std::string error_of(const std::string& spec, std::size_t run_count) {
  try {
    parse_run_spec(spec, run_count);
  } catch (const std::invalid_argument& e) {
    return e.what();
  }
  return "no error";
}

TEST(RunSelection, ReadsNumbersAndRangesSortedWithoutRepeats) {
  EXPECT_EQ(parse_run_spec("7", 10), (Runs{7}));
  EXPECT_EQ(parse_run_spec("0-3,9", 10), (Runs{0, 1, 2, 3, 9}));
  EXPECT_EQ(parse_run_spec("8,2-4,3", 10), (Runs{2, 3, 4, 8}));
  EXPECT_EQ(parse_run_spec("5-5", 10), (Runs{5}));
}

TEST(RunSelection, RefusesWhatIsNotARunListSayingWhy) {
  EXPECT_EQ(error_of("", 10), "expected run numbers such as 0-15,17; got an empty item");
  EXPECT_EQ(error_of("1,,2", 10), "expected run numbers such as 0-15,17; got an empty item");
  EXPECT_EQ(error_of("1,", 10), "expected run numbers such as 0-15,17; got an empty item");
  EXPECT_EQ(error_of("x", 10), "'x' is not a run number or a range FIRST-LAST");
  EXPECT_EQ(error_of("-3", 10), "'-3' is not a run number or a range FIRST-LAST");
  EXPECT_EQ(error_of("1-2-3", 10), "'1-2-3' is not a run number or a range FIRST-LAST");
  EXPECT_EQ(error_of(" 1", 10), "' 1' is not a run number or a range FIRST-LAST");
  EXPECT_EQ(error_of("99999999999999999999999", 10),
            "'99999999999999999999999' is not a run number or a range FIRST-LAST");
  EXPECT_EQ(error_of("5-2", 10), "the range '5-2' runs backwards");
  EXPECT_EQ(error_of("3-10", 10), "run 10 is past the last run of this batch (10 runs, numbered 0 to 9)");
}

TEST(RunSelection, ShardsTakeEveryNthRunSoTogetherTheyHoldEachOnce) {
  EXPECT_EQ(shard_runs({0, 3}, 8), (Runs{0, 3, 6}));
  EXPECT_EQ(shard_runs({1, 3}, 8), (Runs{1, 4, 7}));
  EXPECT_EQ(shard_runs({2, 3}, 8), (Runs{2, 5}));
  EXPECT_EQ(shard_runs({2, 3}, 2), Runs{}) << "more shards than runs: this one gets none";
  EXPECT_EQ(shard_runs({0, 1}, 3), (Runs{0, 1, 2}));
}

TEST(RunSelection, ReadsShardsCountedFromZero) {
  const ShardSpec spec = parse_shard_spec("2/5");
  EXPECT_EQ(spec.shard, 2u);
  EXPECT_EQ(spec.shards, 5u);
  const auto error = [](const std::string& text) {
    try {
      parse_shard_spec(text);
    } catch (const std::invalid_argument& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  EXPECT_EQ(error("3/3"),
            "shard 3 of 3: shards are counted from 0 to 2 (as SLURM_ARRAY_TASK_ID with --array=0-2)");
  EXPECT_EQ(error("0/0"), "the number of shards must be at least 1");
  for (const char* bad : {"1", "/3", "1/", "a/3", "1/3/4", "-1/3"}) {
    EXPECT_EQ(error(bad),
              "expected i/N, shard i (counted from 0) of N shards, e.g. 0/3; got '" + std::string(bad) + "'")
        << bad;
  }
}

TEST(RunSelection, WritesRunsBackAsTheShortestSpec) {
  EXPECT_EQ(format_run_spec(Runs{}), "");
  EXPECT_EQ(format_run_spec(Runs{4}), "4");
  EXPECT_EQ(format_run_spec(Runs{3, 7, 8, 9}), "3,7-9");
  EXPECT_EQ(format_run_spec(Runs{0, 1, 3, 4, 6}), "0-1,3-4,6");
  const Runs runs{0, 2, 3, 4, 10, 11};
  EXPECT_EQ(parse_run_spec(format_run_spec(runs), 12), runs);
}

}  // namespace
}  // namespace delivsim
