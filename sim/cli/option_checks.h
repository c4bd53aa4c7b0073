#pragma once
/// @file Checks of command-line values that say in words what is allowed: "--replications: expected a
/// whole number of at least 1, got '0'" (CLI11 puts the option's name first).
#include <CLI/CLI.hpp>
#include <cstdint>
#include <string>

#include "sim/output/output_folder.h"

namespace delivsim {

/// A whole number of at least `min` that fits an int: decimal digits or an exponent form with a whole value
/// ("2e5"), rewritten to digits for the conversion (so add it with Option::transform, not check, which
/// drops the rewrite).
CLI::Validator whole_number_at_least(int min);

/// A whole number from `min` to `max`, written as for whole_number_at_least.
CLI::Validator whole_number_from_to(std::uint64_t min, std::uint64_t max);

/// Any text but the empty one; `what` names it in the message ("a folder path").
CLI::Validator not_empty(const std::string& what);

/// The flag `--force` of the commands that write an output folder, with its help text.
void add_force_flag(CLI::App& cmd, bool& force);

/// What the flag of add_force_flag allows: ReplaceMode::Force when given, else ReplaceMode::Marked.
ReplaceMode replace_mode(bool force);

}  // namespace delivsim
