#pragma once
/// @file `delivsim init`: a new user's first step, a commented starter scenario copied from a shipped
/// template (scenario_templates.h).
#include "sim/cli/cli_command.h"

namespace delivsim {

/// Registers `init FILE [--template NAME]` and `init --list`.
CliCommand add_init_command(CLI::App& app);

}  // namespace delivsim
