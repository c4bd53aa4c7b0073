#pragma once
/// @file `delivsim check`: run scenarios and compare their figures with their `expect:` lists.
#include <string>
#include <vector>

#include "sim/cli/cli_command.h"

namespace delivsim {

/// What `delivsim check` was asked to do.
struct CheckArgs {
  std::vector<std::string> files;      ///< scenario files, each with an `expect:` list
  std::vector<std::string> overrides;  ///< `--set` overrides applied to every file
  std::string junit_path;              ///< where to write JUnit XML; empty: none
};

/// Loads every file first (a ScenarioError, or a file without `expect:`, throws ScenarioError before
/// anything runs), then runs each and prints its expectations' lines and "N passed, M failed". Writes the
/// JUnit XML atomically when asked. Returns 0 when every expectation passed, 1 when any failed.
int check_command(const CheckArgs& args);

/// Registers `check FILE... [--junit OUT.xml] [--set K=V]...`.
CliCommand add_check_command(CLI::App& app);

}  // namespace delivsim
