#pragma once
/// @file Where the form's knobs live in a scenario: the traffic entry and the destination block chosen at the
/// top of the form.
#include <QString>
#include <optional>
#include <string>
#include <vector>

#include "gui/document/yaml_path.h"
#include "sim/scenario/scenario.h"

namespace delivsim::gui {

/// Which traffic entry the traffic, list and pool knobs edit, and which provider's destination block the
/// shaping, pattern and warm-up knobs edit.
struct FormTarget {
  std::size_t traffic_index = 0;  ///< into Scenario::traffic
  std::string destination;        ///< a provider name
};

/// The provider the form shapes by default: the first of `sender.destinations`, else judging_provider()
/// (sim/scenario/judging_provider.h), else the first profile's default provider.
std::string default_destination(const Scenario& scenario);

/// `previous` where it still fits `scenario` (the traffic index is in range, the destination is a provider),
/// the default for each part that does not.
FormTarget fitted_target(const Scenario& scenario, const FormTarget& previous);

/// The path of `key` in the target destination's block: sender.destinations.<name>.<key>.
YamlPath destination_path(const FormTarget& target, const std::string& key);

/// `steps` below the target traffic entry: traffic[i].<steps...>.
YamlPath traffic_path(const FormTarget& target, const YamlPath& steps);

/// A share or probability as YAML text: at most 6 significant digits, no trailing zeros ("0.0003").
std::string ratio_text(double value);

/// Parses a comma-separated list of durations ("15m, 1h, 4h"); nullopt when any item is not a duration.
std::optional<std::vector<Duration>> parse_duration_list(const QString& text);

/// Durations joined by ", " in scenario syntax.
QString duration_list_text(const std::vector<Duration>& durations);

}  // namespace delivsim::gui
