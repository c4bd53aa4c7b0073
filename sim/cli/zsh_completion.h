#pragma once
/// @file The zsh completion function of delivsim (`_delivsim`, for `share/zsh/vendor-completions/`), from
/// the CLI11 app of cli_app.h: what bash_completion.h completes, with each option's description.
#include <CLI/CLI.hpp>
#include <string>

namespace delivsim {

/// The file `_delivsim`: a `#compdef delivsim` function with one `_arguments` spec per command.
std::string zsh_completion(const CLI::App& root);

}  // namespace delivsim
