#pragma once
/// @file KumoMTA shaping files' time-scaled copies: every throttle kumo_option_time_scaling calls a rate, and
/// in automation rules the `duration` (a timer), the `Threshold` trigger (a rate) and SetConfig values of
/// rate options, rewritten where toml++ found them.
#include <filesystem>
#include <vector>

#include "sim/import/scaled_config.h"
#include "sim/import/time_scale.h"

namespace delivsim {

/// Reads each of `files` on its own (as read_kumo_shaping reads one) and scales it: throttles `N/period`
/// multiplied by K in the period written, or the next longer one (s, m, h, d) that makes the count whole,
/// else rounded per day with a warning; `local:` and `,max_burst=B` kept. Durations divided by K in whole
/// milliseconds (humantime's finest unit, "500ms"), at least 1ms; a duration written as whole seconds
/// stays a number when the result is whole seconds, else becomes text. Each header notes the queue timers
/// shaping files do not hold (retry_interval, max_age: kumo.make_queue_config) at their scaled defaults.
/// Throws ScenarioError as the import does.
std::vector<ScaledConfig> scale_kumo_files(const std::vector<std::filesystem::path>& files,
                                           const TimeScale& scale);

}  // namespace delivsim
