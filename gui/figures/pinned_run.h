#pragma once
/// @file A run kept as A ("Pin as A"): its result together with the scenario it came from, so every view can
/// say what A was and what differs from the current scenario.
#include <yaml-cpp/yaml.h>

#include <QString>

#include "sim/output/run_result.h"
#include "sim/scenario/scenario.h"

namespace delivsim::gui {

/// The pinned run (A).
struct PinnedRun {
  RunResult result;
  Scenario scenario;  ///< the scenario A ran
  YAML::Node tree;    ///< that scenario's YAML tree (a clone: the document's own tree changes with each text)
  QString source;     ///< the document's display name when A was pinned, e.g. "whatif-100k.yaml"
  /// Legend and column text for A: "A: <source>" and, when the current scenario differs, what differs
  /// (pinned_label(), e.g. "A: whatif-100k.yaml · max_smtp_out 8 → 2").
  QString label;
  QString yaml;  ///< the document's text when A was pinned (exported as A/scenario.yaml)
};

}  // namespace delivsim::gui
