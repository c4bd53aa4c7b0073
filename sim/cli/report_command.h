#pragma once
/// @file `delivsim report`: one self-contained HTML report of a run, replications, compare or sweep folder.
#include <string>

#include "sim/cli/cli_command.h"

namespace delivsim {

/// What `delivsim report` was asked to do.
struct ReportArgs {
  std::string run_dir;   ///< the folder delivsim run, compare, sweep or serve wrote
  std::string out_path;  ///< where to write the HTML; empty: RUN_DIR/report.html
};

/// Checks an explicit --out first (check_output_file: OutputPathError, main() exits 2), then writes the
/// report atomically and prints where. Returns 0 when written, 2 (with a message naming what was expected)
/// when RUN_DIR has nothing to report or a file in it is malformed. The write checks the path again
/// (OutputPathError, exit 2); a failure while writing throws std::runtime_error (main() exits 1).
int report_command(const ReportArgs& args);

/// Registers `report RUN_DIR [--out report.html]`.
CliCommand add_report_command(CLI::App& app);

}  // namespace delivsim
