#pragma once
/// @file `delivsim log`: tools for MTA accounting logs (PowerMTA's CSV layout, or delivsim's accounting.csv).
#include "sim/cli/cli_command.h"

namespace delivsim {

/// Registers `log stats FILE [--json] [--from T] [--until T]`: counts, deferrals and bounces by reply,
/// latency and hourly alert shares of an accounting log, with the definitions of delivsim's summary.json.
CliCommand add_log_command(CLI::App& app);

}  // namespace delivsim
