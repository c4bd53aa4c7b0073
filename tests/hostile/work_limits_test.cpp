// Issue 9 §3: absurd work is refused before it starts, with the position of the key that asks for it, the
// estimate and the option that lifts the limit (or why none can); under a 2 GiB address-space limit, so a
// refusal that first allocates fails the test.
#include <gtest/gtest.h>

#include "tests/hostile/hostile_runner.h"
#include "tests/test_id.h"

namespace delivsim::hostile {
namespace {

std::string test_name() {
  return delivsim::testing::current_test_id();
}

struct AbsurdCase {
  std::string name;
  std::string scenario;
  std::string position;  ///< "s.yaml:<line>:" of the key that asks for the work
  std::string remedy;    ///< what the refusal must say: the option that lifts the limit, or why none can
};

void PrintTo(const AbsurdCase& c, std::ostream* out) {
  *out << c.name;
}

class AbsurdWork : public ::testing::TestWithParam<AbsurdCase> {};

TEST_P(AbsurdWork, IsRefusedUpFrontWithItsPosition) {
  Sandbox box(test_name() + "_" + GetParam().name);
  box.write("s.yaml", GetParam().scenario);
  Limits limits;
  limits.wall = std::chrono::seconds(20);
  for (const char* command : {"validate", "run"}) {
    const Outcome r = box.run_file(command, "s.yaml", limits);
    EXPECT_EQ(r.exit_code, 2) << command << ": " << describe(r);
    EXPECT_NE(r.err.find(GetParam().position), std::string::npos) << command << ": " << describe(r);
    EXPECT_NE(r.err.find(GetParam().remedy), std::string::npos) << command << ": no remedy: " << describe(r);
  }
}

const std::string kStream = "campaign: {recipients: 2000}";

INSTANTIATE_TEST_SUITE_P(
    Scenarios, AbsurdWork,
    ::testing::Values(
        AbsurdCase{"recipients", replaced(small_scenario(), "recipients: 2000", "recipients: 1e12"),
                   "s.yaml:13:", "--max-"},
        AbsurdCase{
            "stream_rate",
            replaced(replaced(small_scenario(), kStream, "stream: {rate: 1000000/s, population: 1000}"),
                     "duration: 1d", "duration: 30d"),
            "s.yaml:13:", "--max-"},
        // Nothing is kept per recipient of the list: no limit to lift, the list cannot be numbered.
        AbsurdCase{"population",
                   replaced(small_scenario(), kStream, "stream: {rate: 10/h, population: 9e18}"),
                   "s.yaml:13:", "more than a run can number"},
        AbsurdCase{"timeseries_interval",
                   replaced(small_scenario(), "duration: 1d", "duration: 30d\ntimeseries_interval: 1ms"),
                   "s.yaml:4:", "--max-"}),
    [](const ::testing::TestParamInfo<AbsurdCase>& info) { return info.param.name; });

TEST(WorkLimits, ReplicationsFlagIsCappedLikeTheFileKey) {
  Sandbox box(test_name());
  box.write("s.yaml", small_scenario());
  Limits limits;
  limits.wall = std::chrono::seconds(20);
  const Outcome r = box.run({"run", "s.yaml", "-q", "--replications", "1000000000"}, limits);
  EXPECT_EQ(r.exit_code, 2) << describe(r);
}

TEST(WorkLimits, RobustSweepCountsEveryPointInEveryWorld) {
  Sandbox box(test_name());
  box.write("s.yaml", long_scenario() +
                          "sweep:\n  - {path: seed, values: [1, 2]}\n"
                          "objective: {minimize: providers.gmail.time_to_drain_s}\n");
  Limits limits;
  limits.wall = std::chrono::seconds(20);
  const Outcome r = box.run({"sweep", "s.yaml", "-q", "--robust", "10000"}, limits);
  EXPECT_EQ(r.exit_code, 2) << describe(r);
  EXPECT_NE(r.err.find("20K runs"), std::string::npos) << describe(r);
  EXPECT_NE(r.err.find("--max-memory"), std::string::npos) << describe(r);
}

TEST(WorkLimits, ValidateReportsTheEstimate) {
  Sandbox box(test_name());
  box.write("s.yaml", small_scenario());
  const Outcome r = box.run({"validate", "s.yaml"});
  EXPECT_EQ(r.exit_code, 0) << describe(r);
  EXPECT_NE(r.out.find("MiB"), std::string::npos) << describe(r);
}

}  // namespace
}  // namespace delivsim::hostile
