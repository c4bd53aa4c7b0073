#pragma once
// Runs the delivsim binary (DELIVSIM_BIN, set by the test target) as a user would, capturing its output.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "tests/test_id.h"

namespace delivsim::testing {

struct CommandResult {
  int exit_code;
  std::string output;  ///< stdout and stderr together
};

/// `delivsim <args>`; the capture file is named after the running test, since ctest runs tests in parallel.
inline CommandResult run_delivsim(const std::string& args) {
  const std::string test_name = delivsim::testing::current_test_id();
  const std::filesystem::path out =
      std::filesystem::temp_directory_path() / ("delivsim_cli_" + test_name + ".txt");
  const std::string command = std::string(DELIVSIM_BIN) + " " + args + " > " + out.string() + " 2>&1";
  const int status = std::system(command.c_str());
  std::ifstream in(out);
  return {WEXITSTATUS(status),
          std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>())};
}

}  // namespace delivsim::testing
