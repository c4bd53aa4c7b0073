#pragma once
/// @file The terminal report of `delivsim sweep`: fixed-width text for people, not for parsing.
#include <string>
#include <utility>
#include <vector>

#include "sim/batch/sweep.h"

namespace delivsim {

/// A heading line (and the objective); a table with a row per point: its axis values (headed by the
/// path's last key, or the whole path when two axes share it), the mean headline figures, and with an
/// objective "ok" (met every constraint) and the objective value, the best point marked '*'; then
/// "best: point-007 (path=value, ...): <figure> <value>; 3 of 12 points met every constraint" (or "best:
/// none; ...") and the exclusion_reasons lines. Ends with "\n".
std::string format_sweep_table(const SweepResult& result);

/// "minimize <figure> subject to <constraint>, <constraint>" (no "subject to" without constraints).
std::string objective_text(const Objective& objective);

/// A column heading per axis: its path's last key, or the whole paths when two axes would share one.
std::vector<std::string> sweep_axis_headings(const std::vector<SweepAxis>& axes);

/// A point's settings as "path=value, path=value".
std::string sweep_settings_text(const std::vector<std::pair<std::string, std::string>>& settings);

/// An objective figure's value in its units: seconds (a path ending in "_s") as "1d 4h", rates and shares
/// as "3.2%", tiers as names, anything else with 6 significant digits.
std::string format_objective_value(const Objective& objective, double value);

}  // namespace delivsim
