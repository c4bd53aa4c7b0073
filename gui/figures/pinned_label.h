#pragma once
/// @file What the pinned run (A) is called wherever it is shown: its file and what differs from the current
/// scenario.
#include <yaml-cpp/yaml.h>

#include <QString>
#include <cstddef>

#include "gui/figures/pinned_run.h"

namespace delivsim::gui {

/// Differences named in A's label at most; more are counted ("+3 more").
inline constexpr std::size_t kLabelDifferences = 2;

/// A's label against the current scenario `current` (YAML tree `current_tree`): "A: <source>" when the two
/// trees are equal; "A: <source> (another scenario)" when the name or the duration differs; else the first
/// kLabelDifferences differing keys with both values, "A: whatif-100k.yaml · max_smtp_out 8 → 2".
QString pinned_label(const PinnedRun& pinned, const Scenario& current, const YAML::Node& current_tree);

}  // namespace delivsim::gui
