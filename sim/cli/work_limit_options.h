#pragma once
/// @file The options that lift the work limits (`--max-memory SIZE`, `--max-events N`) and the one check
/// every command that runs scenarios makes before running (sim/world/work_limits.h).
#include <CLI/CLI.hpp>
#include <vector>

#include "sim/scenario/scenario.h"
#include "sim/world/work_limits.h"

namespace delivsim {

/// Adds `--max-memory SIZE` (bytes, or with a binary unit: 64GiB, 512MiB) and `--max-events N` (e.g. 5e9) to
/// `cmd`, filling `limits`; `limits` must outlive the parse.
void add_work_limit_options(CLI::App& cmd, WorkLimits& limits);

/// Checks a command that runs each of `scenarios` `replications` times on `threads` threads (0: one per
/// core), with accounting records when a scenario asks for them or `accounting` is true, against
/// `limits`. Returns the threads to use (fewer when only fewer parallel runs fit); throws ScenarioError
/// past a limit (see fit_work_to_limits).
int check_work_limits(const std::vector<const Scenario*>& scenarios, int replications, int threads,
                      const WorkLimits& limits, bool accounting = false);

}  // namespace delivsim
