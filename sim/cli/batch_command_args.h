#pragma once
/// @file The options `delivsim compare` and `delivsim sweep` share, and where their outputs go.
#include <optional>
#include <string>
#include <vector>

#include "sim/cli/batch_driver.h"
#include "sim/cli/cli_command.h"

namespace delivsim {

/// `FILE [--replications R] [--threads T] [--out DIR] [--force] [--set K=V]... [--quiet] [--list-runs |
/// --runs SPEC | --shard i/N]`
struct BatchCommandArgs {
  std::string file;
  std::optional<int> replications;  ///< per strategy or point; default: the file's `replications`
  std::vector<std::string> overrides;
  BatchDriverArgs driver;  ///< --out (empty: runs/<scenario name>/), --force, --quiet, --threads, limits, ...
};

/// `--robust [N]`: whether it was given, and N (0 when given without a number).
struct RobustArgs {
  CLI::Option* option = nullptr;
  int worlds = 0;
};

/// Adds the shared options to `cmd`; `unit` names what is replicated ("strategy", "point") and `file_help`
/// describes the FILE argument.
void add_batch_command_options(CLI::App& cmd, BatchCommandArgs& args, const std::string& unit,
                               const std::string& file_help);

/// The request of command `command` (BatchRequest::command) with the file, replications and overrides of
/// `args`.
BatchRequest batch_request(const BatchCommandArgs& args, const std::string& command);

/// Adds `--robust [N]` (N: 1 to kMaxWorlds receiver worlds) to `cmd`, described by `help`.
void add_robust_option(CLI::App& cmd, RobustArgs& robust, const std::string& help);

/// batch_request() of `robust_command` with the worlds `--robust` asked for when it was given, else of
/// `plain_command`.
BatchRequest batch_request(const BatchCommandArgs& args, const RobustArgs& robust,
                           const std::string& plain_command, const std::string& robust_command);

}  // namespace delivsim
