#pragma once
/// @file Remembering where the keys that size a run's work are written, so a refusal of too much work
/// (sim/world/work_limits.h) can point at the key that asks for it.
#include "sim/scenario/scenario.h"
#include "sim/yaml/yaml_tree.h"

namespace delivsim {

/// Fills `scenario.work_positions` from the tree it was read from (after read_scenario checked it): the
/// position of each work-sizing key's value, or of the mapping it would be in when it is left out.
void note_work_positions(const YamlNode& root, Scenario& scenario);

}  // namespace delivsim
