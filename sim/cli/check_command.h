#pragma once
/// @file `delivsim check`: run scenarios (and their strategies) and compare their figures with their
/// `expect:` lists, over one run or several replications.
#include <optional>
#include <string>
#include <vector>

#include "sim/cli/cli_command.h"
#include "sim/world/work_limits.h"

namespace delivsim {

/// What `delivsim check` was asked to do.
struct CheckArgs {
  std::vector<std::string> files;      ///< scenario files, each with an `expect:` list somewhere
  std::vector<std::string> overrides;  ///< `--set` overrides applied to every file
  std::string junit_path;              ///< where to write JUnit XML; empty: none
  /// Replications per scenario; default: each scenario's `replications`. Over worlds: per world, default 1.
  std::optional<int> replications;
  /// `--worlds N`: the receiver worlds of expectations over worlds; default: the file's `uncertainty.worlds`,
  /// else 32 (default_world_count).
  std::optional<int> worlds;
  int threads = 0;  ///< threads for the replications; 0: the core count
  /// When set, each checked run's outputs are written to <out_dir>/<scenario name>/ (a strategy's to
  /// <out_dir>/<scenario name>/<strategy>/), in the layout of `delivsim run`; empty: nothing is written.
  std::string out_dir;
  bool force = false;  ///< --force: the run folders may replace older delivsim outputs (ReplaceMode::Force)
  WorkLimits limits;   ///< --max-memory, --max-events
};

/// Loads every file first (a ScenarioError, or a file with no expectations in its base or any strategy,
/// throws ScenarioError before anything runs), then checks the JUnit path and every run folder under
/// `out_dir` (OutputPathError before anything runs) and the work limits. Then runs, for each file, its base
/// scenario when it has per-run expectations and each strategy with some, each over its replications, and
/// then, when the file has expectations over worlds (share_of_worlds, wins), the scenarios they need over
/// the receiver worlds (see world_runs_needed; their outputs are not written under `out_dir`). Prints the
/// expectations' lines (under a heading naming file and strategy, and the worlds) and "N passed, M failed".
/// Writes the JUnit XML atomically when asked. Returns 0 when every expectation passed, 1 when any failed.
int check_command(const CheckArgs& args);

/// Registers `check FILE... [--junit OUT.xml] [--out DIR] [--force] [--replications R] [--worlds N]
/// [--threads T] [--set K=V]...`.
CliCommand add_check_command(CLI::App& app);

}  // namespace delivsim
