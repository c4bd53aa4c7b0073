#pragma once
/// @file Postfix's configuration files' time-scaled copies: every queue-manager timer (postfix_timer_unit) in
/// main.cf and in master.cf's `-o name=value`, rewritten where the importer's parsers found it.
#include <filesystem>
#include <vector>

#include "sim/import/scaled_config.h"
#include "sim/import/time_scale.h"

namespace delivsim {

/// Reads `files` as `delivsim import postfix` does and scales them, one copy per file in the order given:
/// each timer divided by K in whole seconds (Postfix's finest unit), the largest unit that divides the result
/// (`5d` at 3600 -> `2m`), at least 1s unless it was 0, rounding with a warning. A value that refers to
/// another (`$queue_run_delay`) is left as it is (the one it refers to is scaled). main.cf's copy gets, after
/// its own lines, the timers it leaves at Postfix's defaults (postfix_default: queue_run_delay,
/// minimal_backoff_time, maximal_backoff_time, maximal_queue_lifetime, bounce_queue_lifetime) written out
/// scaled, unless master.cf's qmgr service sets them with -o. Lookup tables are copied unchanged. Throws
/// ScenarioError as the import does, and at a timer's value that is not a Postfix time.
std::vector<ScaledConfig> scale_postfix_files(const std::vector<std::filesystem::path>& files,
                                              const TimeScale& scale);

}  // namespace delivsim
