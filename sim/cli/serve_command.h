#pragma once
/// @file `delivsim serve`: the scenario's providers answer real SMTP (sim/live), until SIGINT or SIGTERM.
#include "sim/cli/cli_command.h"

namespace delivsim {

/// Registers `serve FILE [--listen [PROVIDER=]ADDRESS:PORT]... [--time-scale K] [--metrics ADDRESS:PORT]
/// [--out DIR] [--write-every MINUTES] [--max-connections N] [--tls-cert PEM --tls-key PEM] [--no-starttls]
/// [--set K=V]... [--force]`.
CliCommand add_serve_command(CLI::App& app);

}  // namespace delivsim
