#pragma once
/// @file A sweep axis's `range: {from, to, step}` expanded into the values it stands for.
#include <cstddef>
#include <string>
#include <vector>

#include "sim/scenario/field_reader.h"

namespace delivsim {

/// The values of `range` (a mapping {from, to, step}, all required): from, from + step, ... up to and
/// including `to` when a step lands on it. All three are numbers, or all three durations ("0", "15m",
/// "2h"); from <= to and step > 0. Numbers are written with up to 15 significant digits (so 0.1 + 2 * 0.1
/// is "0.3"), durations as the scenario format writes them ("1h30m"). Throws ScenarioError at the value at
/// fault, or at `range` when it would give more than `max_values` values.
std::vector<std::string> expand_range(const Field& range, std::size_t max_values);

}  // namespace delivsim
