#pragma once
/// @file `delivsim validate`: check scenario files without running them.
#include "sim/cli/cli_command.h"

namespace delivsim {

/// Registers `validate FILE... [--set K=V]... [--list-set-paths]`.
CliCommand add_validate_command(CLI::App& app);

/// The flag that lists a scenario's `--set` paths (the shell completion of `--set` calls it).
inline constexpr const char* kListSetPathsFlag = "--list-set-paths";

}  // namespace delivsim
