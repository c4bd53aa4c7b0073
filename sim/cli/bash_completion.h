#pragma once
/// @file The bash completion script of delivsim, from the CLI11 app of cli_app.h: commands at every depth,
/// each command's options with their aliases, scenario files (*.yaml, *.yml), folders and files where an
/// option takes one, `init --template` names, and `--set` paths read from the scenario on the command line
/// (`delivsim validate FILE --list-set-paths`).
#include <CLI/CLI.hpp>
#include <string>

namespace delivsim {

/// The script, for `share/bash-completion/completions/delivsim`; its function `_delivsim` is registered with
/// `complete -F`.
std::string bash_completion(const CLI::App& root);

}  // namespace delivsim
