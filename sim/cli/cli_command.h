#pragma once
/// @file How main() learns of a subcommand: each command's file registers its options on the app and
/// hands back what to run when it is the one chosen.
#include <CLI/CLI.hpp>
#include <functional>

namespace delivsim {

/// Exit codes of every command.
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailed = 1;    ///< the run failed, or (check) an expectation failed
inline constexpr int kExitBadInput = 2;  ///< bad input or usage

/// A registered subcommand.
struct CliCommand {
  CLI::App* app;             ///< the subcommand; `*app` is true when it was chosen
  std::function<int()> run;  ///< runs it with the parsed options and returns the exit code
};

}  // namespace delivsim
