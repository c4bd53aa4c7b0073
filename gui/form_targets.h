#pragma once
/// @file Where the form's knobs live in a scenario: the first traffic entry and one destination block.
#include <QString>
#include <optional>
#include <string>
#include <vector>

#include "gui/yaml_path.h"
#include "sim/scenario/scenario.h"

namespace delivsim::gui {

/// The provider whose destination block the shaping knobs edit: the first of `sender.destinations`, else
/// the first Gmail-profile provider, else the first provider.
std::string shaped_destination(const Scenario& scenario);

/// The path of `key` in the shaped destination's block: sender.destinations.<name>.<key>.
YamlPath destination_path(const Scenario& scenario, const std::string& key);

/// `steps` below the first traffic entry: traffic[0].<steps...>.
YamlPath traffic_path(const YamlPath& steps);

/// Whether recipient domain `domain` is hosted by a Gmail-profile provider.
bool gmail_hosted(const Scenario& scenario, const std::string& domain);

/// A share or probability as YAML text: at most 6 significant digits, no trailing zeros ("0.0003").
std::string ratio_text(double value);

/// Parses a comma-separated list of durations ("15m, 1h, 4h"); nullopt when any item is not a duration.
std::optional<std::vector<Duration>> parse_duration_list(const QString& text);

/// Durations joined by ", " in scenario syntax.
QString duration_list_text(const std::vector<Duration>& durations);

}  // namespace delivsim::gui
