#pragma once
/// @file Man pages in troff man(7) format from the CLI11 app of cli_app.h: delivsim(1) and one page per
/// subcommand, each listing every option the command accepts.
#include <CLI/CLI.hpp>
#include <string>

#include "sim/cli/cli_walk.h"

namespace delivsim {

/// delivsim(1): the commands, the global options, the exit status.
std::string main_man_page(const CLI::App& root);

/// delivsim-<command>(1) for one of cli_commands(root): NAME, SYNOPSIS, DESCRIPTION, OPTIONS, EXIT STATUS,
/// EXAMPLES (the command's footer lines that start "Example: "), SEE ALSO.
std::string command_man_page(const CLI::App& root, const CliCommandPath& command);

}  // namespace delivsim
