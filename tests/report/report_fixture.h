#pragma once
// Shared by the report tests: a temporary folder per test, small runs written with the real writers, and
// reading a written file back.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "sim/output/output_dir.h"
#include "tests/scenario_fixture.h"
#include "tests/test_id.h"

namespace delivsim::testing {

/// A fresh folder under the temporary directory named after the running test (suite and name: ctest runs
/// tests of the same name in other suites at the same time); removed first if present.
inline std::filesystem::path fresh_test_dir() {
  const std::filesystem::path dir =
      std::filesystem::temp_directory_path() / ("delivsim_report_" + delivsim::testing::current_test_id());
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

inline std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

inline void write_file(const std::filesystem::path& path, const std::string& text) {
  std::filesystem::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << text;
}

/// A small run with some bounces and deferrals: 2,000 recipients to a Gmail-profile provider with a
/// connection cap, 5% unknown users.
inline SmallScenario small_report_scenario() {
  SmallScenario scenario;
  scenario.recipients = 2000;
  scenario.list = "{unknown_user_share: 0.05}";
  scenario.provider = "{profile: gmail, domains: [\"*\"], params: {max_connections_per_ip: 2}}";
  scenario.destination = "{max_smtp_out: 5}";
  return scenario;
}

}  // namespace delivsim::testing
