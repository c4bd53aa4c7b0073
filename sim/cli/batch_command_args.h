#pragma once
/// @file The options `delivsim compare` and `delivsim sweep` share, and where their outputs go.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "sim/cli/cli_command.h"
#include "sim/world/work_limits.h"

namespace delivsim {

/// `FILE [--replications R] [--threads T] [--out DIR] [--force] [--set K=V]... [--quiet]`
struct BatchCommandArgs {
  std::string file;
  std::optional<int> replications;  ///< per strategy or point; default: the file's `replications`
  int threads = 0;                  ///< 0: the core count
  std::string out_dir;              ///< empty: runs/<scenario name>/
  std::vector<std::string> overrides;
  bool quiet = false;
  bool force = false;  ///< --force: see ReplaceMode::Force
  WorkLimits limits;   ///< --max-memory, --max-events
};

/// Adds the shared options to `cmd`; `unit` names what is replicated ("strategy", "point") and `file_help`
/// describes the FILE argument.
void add_batch_command_options(CLI::App& cmd, BatchCommandArgs& args, const std::string& unit,
                               const std::string& file_help);

/// The output folder: --out, else runs/<scenario_name>/.
std::filesystem::path batch_out_dir(const BatchCommandArgs& args, const std::string& scenario_name);

}  // namespace delivsim
