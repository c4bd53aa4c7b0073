#pragma once
/// @file `delivsim import FORMAT FILE... --time-scale K`: the time-scaled copies of an MTA's configuration
/// files, one entry point over the formats (pmta_time_scale.h, postfix_time_scale.h, kumomta_time_scale.h).
#include <filesystem>
#include <vector>

#include "sim/import/mta_format.h"
#include "sim/import/scaled_config.h"
#include "sim/import/time_scale.h"

namespace delivsim {

/// One copy per file of `files`, in the order given, each with its rewritten values, notes and rounding
/// warnings in line order (scaled_config_text gives its text). Throws ScenarioError naming file, line and
/// column for a file that cannot be read, a malformed configuration or a value too large to scale.
std::vector<ScaledConfig> time_scaled_configs(MtaFormat format,
                                              const std::vector<std::filesystem::path>& files,
                                              const TimeScale& scale);

}  // namespace delivsim
