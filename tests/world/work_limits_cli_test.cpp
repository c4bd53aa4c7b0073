// Absurd work is refused up front: every command that runs a scenario exits 2 before running, naming the
// key that asks for the work and the option that lifts the limit, without allocating it (each command runs
// under a 4 GB address-space limit, so a run that tried would fail with exit 1 instead).
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "tests/test_id.h"

namespace {

namespace fs = std::filesystem;

struct Outcome {
  int exit_code = 0;
  std::string output;
  double seconds = 0;
};

/// The address-space limit the commands run under; none under AddressSanitizer, which reserves terabytes of
/// virtual memory for its shadow (there the refusal's speed still shows it allocated nothing).
#if defined(__SANITIZE_ADDRESS__)
const std::string kAddressSpaceLimit;
#else
const std::string kAddressSpaceLimit = "--as=4000000000 ";
#endif

/// `delivsim <args>` under `prlimit --as=4000000000`, output captured in a file named after the test.
Outcome run_limited(const std::string& args) {
  const std::string test_name = delivsim::testing::current_test_id();
  const fs::path out = fs::temp_directory_path() / ("delivsim_limits_" + test_name + ".txt");
  const std::string command = "prlimit " + kAddressSpaceLimit + std::string(DELIVSIM_BIN) + " " + args +
                              " > '" + out.string() + "' 2>&1";
  const auto start = std::chrono::steady_clock::now();
  const int status = std::system(command.c_str());
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::ifstream in(out);
  return {WEXITSTATUS(status), std::string(std::istreambuf_iterator<char>(in), {}), seconds};
}

/// One absurd scenario: the value written and where the key asking for the work is.
struct Absurd {
  const char* name;
  const char* top;     ///< top-level lines after `duration: 30d`
  const char* source;  ///< the traffic entry's source (campaign or stream)
  const char* key;     ///< file:line:column and field expected in the message
  const char* remedy;  ///< what the message offers: the option that lifts the limit, or that none does
};

/// A file every command accepts (strategies, a sweep, an expectation), with the absurd part in its base; in a
/// folder of the running test's own, since ctest runs the tests in parallel.
fs::path write_scenario(const Absurd& absurd) {
  const std::string test_name = delivsim::testing::current_test_id();
  const fs::path dir = fs::temp_directory_path() / ("delivsim_limits_" + test_name);
  fs::create_directories(dir);
  const fs::path file = dir / (std::string(absurd.name) + ".yaml");
  std::ofstream(file) << "duration: 30d\n"
                      << absurd.top
                      << "identities: {ips: [{address: 192.0.2.1}], domains: [{name: example.com}]}\n"
                         "pools: {main: [192.0.2.1]}\n"
                         "traffic:\n"
                         "  - name: t\n"
                         "    pool: main\n"
                         "    dkim_domain: example.com\n"
                         "    "
                      << absurd.source
                      << "\n"
                         "expect: ['providers.gmail.deferral_rate >= 0']\n"
                         "strategies: [{name: a, set: {seed: 2}}, {name: b, set: {seed: 3}}]\n"
                         "sweep: [{path: seed, values: [4, 5]}]\n";
  return file;
}

class AbsurdWork : public ::testing::TestWithParam<std::tuple<Absurd, const char*>> {};

TEST_P(AbsurdWork, IsRefusedBeforeRunningAtTheKeyThatAsksForIt) {
  const auto& [absurd, command] = GetParam();
  const fs::path file = write_scenario(absurd);
  const fs::path out = file.parent_path() / (std::string(absurd.name) + "-" + command + "-out");
  fs::remove_all(out);
  std::string args = std::string(command) + " " + file.string();
  if (std::string(command) != "validate") args += " -q --out " + out.string();
  if (std::string(command) == "check") args = "check " + file.string() + " --out " + out.string();
  const Outcome r = run_limited(args);
  EXPECT_EQ(r.exit_code, 2) << r.output;
  EXPECT_NE(r.output.find(file.filename().string() + ":" + absurd.key), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("asks for about"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find(absurd.remedy), std::string::npos) << r.output;
  EXPECT_LT(r.seconds, 10) << r.output;
  EXPECT_FALSE(fs::exists(out));
}

const Absurd kAbsurd[] = {
    {"recipients", "", "campaign: {recipients: 1e12}", "8:28: error: traffic[0].campaign.recipients",
     "--max-memory cannot help"},
    {"stream", "", "stream: {rate: 1000000/s}", "8:20: error: traffic[0].stream.rate",
     "--max-memory cannot help"},
    // Nothing is kept per recipient of the list, so no memory limit is reached: the list cannot be numbered.
    {"population", "", "stream: {rate: 1/h, population: 9e18}", "8:37: error: traffic[0].stream.population",
     "more than a run can number (4,294,967,295)"},
    {"interval", "timeseries_interval: 1ms\n", "campaign: {recipients: 10}",
     "2:22: error: timeseries_interval", "or --max-memory "},
};

INSTANTIATE_TEST_SUITE_P(Commands, AbsurdWork,
                         ::testing::Combine(::testing::ValuesIn(kAbsurd),
                                            ::testing::Values("run", "validate", "check", "compare",
                                                              "sweep")),
                         [](const auto& info) {
                           return std::string(std::get<0>(info.param).name) + "_" + std::get<1>(info.param);
                         });

TEST(WorkLimitsCli, ReplicationsOnTheCommandLineHaveTheFilesCap) {
  const fs::path file = write_scenario({"small", "", "campaign: {recipients: 10}", "", ""});
  for (const char* command : {"run", "compare", "sweep", "check"}) {
    const Outcome r = run_limited(std::string(command) + " " + file.string() + " --replications 1000000000");
    EXPECT_EQ(r.exit_code, 2) << command << "\n" << r.output;
    EXPECT_NE(r.output.find("--replications"), std::string::npos) << command << "\n" << r.output;
    EXPECT_LT(r.seconds, 10) << command;
  }
}

TEST(WorkLimitsCli, TheOptionLiftsTheLimit) {
  const fs::path file = write_scenario({"lifted", "", "campaign: {recipients: 20000000}", "", ""});
  const Outcome refused = run_limited("validate " + file.string() + " --max-memory 1GiB");
  EXPECT_EQ(refused.exit_code, 2) << refused.output;
  EXPECT_NE(refused.output.find("lifted.yaml:8:28: error: traffic[0].campaign.recipients: asks for about"),
            std::string::npos)
      << refused.output;
  EXPECT_NE(refused.output.find("above the limit of 1.0 GiB"), std::string::npos) << refused.output;
  const Outcome lifted = run_limited("validate " + file.string() + " --max-memory 3GiB");
  EXPECT_EQ(lifted.exit_code, 0) << lifted.output;
  EXPECT_NE(lifted.output.find("ok ("), std::string::npos) << lifted.output;
}

TEST(WorkLimitsCli, ValidatePrintsTheEstimate) {
  const Outcome r = run_limited("validate " + std::string(DELIVSIM_SOURCE_DIR) + "/scenarios/bench-1m.yaml");
  EXPECT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("providers; about "), std::string::npos) << r.output;
  EXPECT_NE(r.output.find(" MiB, "), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("events per run)"), std::string::npos) << r.output;
}

}  // namespace
