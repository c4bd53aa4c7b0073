#pragma once
/// @file The whole command line in one place: the app with every subcommand and its options, built the same
/// way for `delivsim` itself and for `delivsim-docgen`, which writes the man pages and shell completion from
/// it (so they cannot drift from the options the CLI accepts).
#include <CLI/CLI.hpp>
#include <vector>

#include "sim/cli/cli_command.h"

namespace delivsim {

/// The program's name, as typed and as in the man pages.
inline constexpr const char* kProgramName = "delivsim";

/// What `delivsim --version` prints, and the man pages' source line.
inline constexpr const char* kVersionText = "delivsim 0.1.0";

/// Sets up `app` (description, version flag, one subcommand required) and registers every subcommand on it,
/// in the order `--help` lists them. The commands run with the options `app` parsed. The options write into
/// storage the returned commands own: keep them alive for as long as `app` parses.
[[nodiscard]] std::vector<CliCommand> build_cli_app(CLI::App& app);

}  // namespace delivsim
