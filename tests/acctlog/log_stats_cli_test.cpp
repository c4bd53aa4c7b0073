// `delivsim log stats` as a user runs it: exit codes, stdout left empty on bad input, --json, and the
// round trip that defines it: a run's accounting.csv gives back the run's own summary.json.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "tests/test_id.h"

namespace delivsim {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

struct Outcome {
  int exit_code;
  std::string out, err;
};

/// A fresh folder per test (ctest runs tests in parallel).
class LogStatsCli : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("delivsim_log_stats_" + delivsim::testing::current_test_id());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  fs::path write(const std::string& name, const std::string& content) const {
    std::ofstream(dir_ / name, std::ios::binary) << content;
    return dir_ / name;
  }
  /// `delivsim <args>` with stdout and stderr kept apart.
  Outcome run(const std::string& args) const {
    const std::string command = std::string(DELIVSIM_BIN) + " " + args + " > " + (dir_ / "stdout").string() +
                                " 2> " + (dir_ / "stderr").string();
    const int status = std::system(command.c_str());
    return {WEXITSTATUS(status), read_file(dir_ / "stdout"), read_file(dir_ / "stderr")};
  }

  /// Runs `scenario` with accounting for `duration` into `out`, then `log stats --json` on its
  /// accounting.csv, and checks that every provider's figures and the alert hours are summary.json's.
  /// `overrides` are `--set` options.
  void expect_log_reproduces_summary(const fs::path& out, const std::string& scenario,
                                     const std::string& overrides) const;

  fs::path dir_;
};

constexpr const char* kHeader = "type,timeLogged,timeQueued,rcpt,dsnDiag,bounceCat\n";

TEST_F(LogStatsCli, PrintsTablesAndJson) {
  const fs::path log =
      write("log.csv", std::string(kHeader) +
                           "d,2026-01-15 00:10:00-0500,2026-01-15 00:00:00-0500,a@gmail.com,"
                           "\"smtp;250 2.0.0 OK, queued\",\n"
                           "t,2026-01-15T05:20:00Z,2026-01-15T05:00:00Z,b@gmail.com,"
                           "\"smtp;421 4.7.28 Gmail has detected an unusual rate, sorry\",\n");
  const Outcome text = run("log stats " + log.string());
  EXPECT_EQ(text.exit_code, 0) << text.err;
  EXPECT_NE(text.out.find("Records: 2 d, b and t records counted"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("gmail.com  421 4.7.28      1"), std::string::npos) << text.out;
  const Outcome json = run("log stats --json " + log.string());
  ASSERT_EQ(json.exit_code, 0) << json.err;
  const Json doc = Json::parse(json.out);
  EXPECT_EQ(doc["schema_version"], 1);
  EXPECT_EQ(doc["totals"]["delivered"], 1);
  EXPECT_EQ(doc["totals"]["deferrals_by_reply"]["421 4.7.28"], 1);
  EXPECT_EQ(doc["domains"][0]["domain"], "gmail.com");
  EXPECT_EQ(doc["domains"][0]["delivery_latency_s"]["max"], 600);
  const Outcome window =
      run("log stats --json --from 2026-01-15T05:15:00Z --until 1768454460 " + log.string());
  ASSERT_EQ(window.exit_code, 0) << window.err;
  const Json windowed = Json::parse(window.out);
  EXPECT_EQ(windowed["records"]["counted"], 1);
  EXPECT_EQ(windowed["records"]["outside_window"], 1);
  EXPECT_EQ(windowed["window"]["from"], "2026-01-15T05:15:00.000Z");
  EXPECT_EQ(run("log stats --json " + log.string()).out, json.out);  // deterministic
}

TEST_F(LogStatsCli, BadInputIsExitTwoWithNothingOnStdout) {
  const fs::path bad = write("bad.csv", std::string(kHeader) + "d,2026-01-15T00:00:00Z,,a@b.c,,\n" +
                                            "d,2026-01-15T00:00:00,,a@b.c,,\n");
  const Outcome r = run("log stats " + bad.string());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find("bad.csv:3:3: error: timeLogged: \"2026-01-15T00:00:00\" is not a time"),
            std::string::npos)
      << r.err;
  for (const std::string& args :
       {"log stats " + (dir_ / "missing.csv").string(), "log stats " + dir_.string(),
        "log stats --from yesterday " + bad.string(), std::string("log stats"), std::string("log"),
        std::string("log stats a b")}) {
    const Outcome usage = run(args);
    EXPECT_EQ(usage.exit_code, 2) << args << ": " << usage.err;
    EXPECT_EQ(usage.out.find("Records"), std::string::npos) << args;
  }
}

/// Seconds since the epoch of an ISO 8601 UTC time as delivsim writes it ("2026-01-05T00:00:00Z" or with
/// ".mmm").
double epoch_s(const std::string& iso) {
  std::tm tm{};
  strptime(iso.c_str(), "%Y-%m-%dT%H:%M:%S", &tm);
  return static_cast<double>(timegm(&tm));
}

// Counts and reply keys exactly; latency mean and max exactly, percentiles within the histogram's 1/1,024;
// alert hours, shares and levels exactly.
void LogStatsCli::expect_log_reproduces_summary(const fs::path& out, const std::string& scenario,
                                                const std::string& overrides) const {
  const Outcome sim = run("run " + std::string(DELIVSIM_SOURCE_DIR) + "/scenarios/" + scenario +
                          " -q --out " + out.string() + " --set accounting=true " + overrides);
  ASSERT_EQ(sim.exit_code, 0) << sim.err;
  const Outcome stats = run("log stats --json " + (out / "accounting.csv").string());
  ASSERT_EQ(stats.exit_code, 0) << stats.err;
  const Json summary = Json::parse(read_file(out / "summary.json"));
  const Json log = Json::parse(stats.out);
  std::int64_t attempts = 0, expired = 0;
  for (const Json& provider : log["providers"]) {
    const std::string name = provider["provider"];
    ASSERT_TRUE(summary["providers"].contains(name)) << name;
    const Json& expected = summary["providers"][name];
    for (const char* key : {"attempts", "delivered", "bounced", "expired", "deferrals", "deferrals_by_reply",
                            "bounces_by_reply"}) {
      EXPECT_EQ(provider[key], expected[key]) << scenario << " " << name << " " << key;
    }
    const Json& latency = provider["delivery_latency_s"];
    const Json& expected_latency = expected["delivery_latency_s"];
    EXPECT_EQ(latency["mean"], expected_latency["mean"]) << name;
    EXPECT_EQ(latency["max"], expected_latency["max"]) << name;
    for (const char* p : {"p50", "p95", "p99"}) {
      const double want = expected_latency[p];
      EXPECT_NEAR(static_cast<double>(latency[p]), want, want / 1024 + 1e-3) << name << " " << p;
    }
    attempts += provider["attempts"].get<std::int64_t>();
    expired += provider["expired"].get<std::int64_t>();
  }
  EXPECT_EQ(attempts, summary["totals"]["attempts"]);
  EXPECT_EQ(expired, summary["totals"]["expired"]);
  const double start_s = epoch_s(summary["start_date"]);
  ASSERT_EQ(log["provider_alerts"].size(), summary["alerts"].size());
  for (std::size_t i = 0; i < summary["alerts"].size(); ++i) {
    const Json& want = summary["alerts"][i];
    const Json& got = log["provider_alerts"][i];
    EXPECT_EQ(got["provider"], want["provider"]) << i;
    EXPECT_EQ(epoch_s(got["hour_start"]) - start_s, want["hour_start_s"].get<double>()) << i;
    EXPECT_EQ(got["deferral_share"], want["deferral_share"]) << i;
    EXPECT_EQ(got["level"], want["level"]) << i;
  }
}

// Gmail's cold blast, cut to 20,000 recipients and 8 hours with a 6-hour queue lifetime: 4.7.0 and 4.7.28
// deferrals, unknown-user bounces, expiries and an alert every hour; two domains (gmail.com,
// googlemail.com) make one provider.
TEST_F(LogStatsCli, ReproducesTheSummaryOfAColdBlast) {
  expect_log_reproduces_summary(dir_ / "run", "gmail-cold-blast.yaml",
                                "--set duration=8h --set sender.defaults.bounce_after=6h "
                                "--set 'traffic[0].campaign.recipients=20000'");
  const Json summary = Json::parse(read_file(dir_ / "run" / "summary.json"));
  EXPECT_GT(summary["totals"]["expired"].get<int>(), 0);  // the comparison covers expiries
  EXPECT_GT(summary["alerts"].size(), 0u);
}

// A mixed list over the default provider set, cut to 20,000 recipients and 2 hours: Gmail's 4.7.0 and
// 4.3.0, Microsoft's RP-002, 4.7.650 and 4.7.500, Yahoo's [TSS04], a catch-all.
TEST_F(LogStatsCli, ReproducesTheSummaryOfAMixedList) {
  expect_log_reproduces_summary(dir_ / "run", "mixed-list-one-throttles.yaml",
                                "--set duration=2h --set 'traffic[0].campaign.recipients=20000'");
  const Json log = Json::parse(run("log stats --json " + (dir_ / "run" / "accounting.csv").string()).out);
  EXPECT_EQ(log["providers"].size(), 4u);
}

}  // namespace
}  // namespace delivsim
