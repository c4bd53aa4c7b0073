#pragma once
/// @file A length of time written in the scenario's duration syntax, for every importer.
#include <cstdint>
#include <string>

namespace delivsim {

/// `ms` (>= 0) as a scenario duration, largest unit first, each unit once: "4d12h", "1h30m", "30s",
/// "1s500ms"; "0" for 0.
std::string scenario_duration_text(std::int64_t ms);

}  // namespace delivsim
