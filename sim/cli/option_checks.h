#pragma once
/// @file Checks of command-line values that say in words what is allowed: "--replications: expected a
/// whole number of at least 1, got '0'" (CLI11 puts the option's name first).
#include <CLI/CLI.hpp>
#include <cstdint>
#include <string>
#include <vector>

#include "sim/output/output_folder.h"

namespace delivsim {

/// A whole number of at least `min` that fits an int: decimal digits or an exponent form with a whole value
/// ("2e5"), rewritten to digits for the conversion (so add it with Option::transform, not check, which
/// drops the rewrite).
CLI::Validator whole_number_at_least(int min);

/// A whole number from `min` to `max`, written as for whole_number_at_least.
CLI::Validator whole_number_from_to(std::uint64_t min, std::uint64_t max);

/// `--time-scale K` of `delivsim serve` and `delivsim import`: text parse_time_scale
/// (sim/import/time_scale.h) reads, else "expected <kTimeScaleSyntax>, got '<text>' (<reason>)". The option
/// keeps the text.
CLI::Validator time_scale_value();

/// Any text but the empty one; `what` names it in the message ("a folder path").
CLI::Validator not_empty(const std::string& what);

/// What an option's value is, as its type name: `--help` shows it, and the man pages and the shell
/// completion (cli_walk.h) read it to name and complete the value.
inline constexpr const char* kScenarioValue = "SCENARIO";  ///< a scenario file (*.yaml, *.yml)
inline constexpr const char* kFileValue = "FILE";          ///< any file
inline constexpr const char* kFolderValue = "DIR";         ///< a folder
inline constexpr const char* kSetValue = "PATH=VALUE";     ///< a `--set` override
inline constexpr const char* kTemplateValue = "TEMPLATE";  ///< a template of `delivsim init`

/// The repeatable option `--set PATH=VALUE` of the commands that load a scenario, with its help text.
void add_set_option(CLI::App& cmd, std::vector<std::string>& overrides);

/// The flag `--force` of the commands that write an output folder, with its help text.
void add_force_flag(CLI::App& cmd, bool& force);

/// What the flag of add_force_flag allows: ReplaceMode::Force when given, else ReplaceMode::Marked.
ReplaceMode replace_mode(bool force);

}  // namespace delivsim
