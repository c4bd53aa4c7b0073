#pragma once
/// @file `delivsim validate`: check scenario files without running them.
#include "sim/cli/cli_command.h"

namespace delivsim {

/// Registers `validate FILE... [--set K=V]...`.
CliCommand add_validate_command(CLI::App& app);

}  // namespace delivsim
