#pragma once
/// @file `delivsim import`: a scenario from an MTA configuration (PowerMTA, Postfix, KumoMTA).
#include "sim/cli/cli_command.h"

namespace delivsim {

/// Registers `import FORMAT FILE... [-o scenario.yaml] [--strict]`.
CliCommand add_import_command(CLI::App& app);

}  // namespace delivsim
