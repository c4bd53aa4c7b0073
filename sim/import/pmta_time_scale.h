#pragma once
/// @file A PowerMTA configuration file's time-scaled copy: every timer and rate pmta_time_scaling (and, in
/// `reply` lines, pmta_action_time_scaling) names, rewritten where parse_pmta_text found it.
#include <filesystem>

#include "sim/import/scaled_config.h"
#include "sim/import/time_scale.h"

namespace delivsim {

/// Reads `path` and scales it: TIME-INTERVALs (lists item by item; `never` and `0` stay) divided by K in
/// whole seconds, the largest unit that divides the result ("90m"), at least 1s, rounding with a warning;
/// rates `N/[M]unit` multiplied by K exactly (`100/h` -> `360000/h`, `100/h` at 0.0001 -> `1/100h`);
/// max-cold-virtual-mta-msg `N/d` rounded to a whole count with a warning. Its header notes the timers the
/// file leaves at PowerMTA's defaults. Throws ScenarioError at a file that cannot be read, a malformed file
/// or value, or one too large to scale.
ScaledConfig scale_pmta_file(const std::filesystem::path& path, const TimeScale& scale);

}  // namespace delivsim
