#include "gui/form/form_targets.h"

#include <QStringList>
#include <algorithm>
#include <stdexcept>

#include "sim/output/number_format.h"
#include "sim/scenario/judging_provider.h"
#include "sim/scenario/units_parse.h"

namespace delivsim::gui {

std::string default_destination(const Scenario& scenario) {
  if (!scenario.destinations.empty()) return scenario.destinations.front().first;
  const ProviderSpec* judging = judging_provider(scenario);
  return judging != nullptr ? judging->name : provider_profiles().front().default_provider;
}

FormTarget fitted_target(const Scenario& scenario, const FormTarget& previous) {
  FormTarget target = previous;
  if (target.traffic_index >= scenario.traffic.size()) target.traffic_index = 0;
  const bool provider = std::any_of(scenario.providers.begin(), scenario.providers.end(),
                                    [&](const ProviderSpec& p) { return p.name == target.destination; });
  if (!provider) target.destination = default_destination(scenario);
  return target;
}

YamlPath destination_path(const FormTarget& target, const std::string& key) {
  return {std::string("sender"), std::string("destinations"), target.destination, key};
}

YamlPath traffic_path(const FormTarget& target, const YamlPath& steps) {
  YamlPath path{std::string("traffic"), target.traffic_index};
  path.insert(path.end(), steps.begin(), steps.end());
  return path;
}

std::string ratio_text(double value) {
  return format_significant(value, 6);
}

std::optional<std::vector<Duration>> parse_duration_list(const QString& text) {
  std::vector<Duration> durations;
  for (const QString& item : text.split(',', Qt::SkipEmptyParts)) {
    try {
      durations.push_back(parse_duration(item.trimmed().toStdString()));
    } catch (const std::invalid_argument&) {
      return std::nullopt;
    }
  }
  if (durations.empty()) return std::nullopt;
  return durations;
}

QString duration_list_text(const std::vector<Duration>& durations) {
  QStringList items;
  for (const Duration duration : durations) items << QString::fromStdString(duration_text(duration));
  return items.join(", ");
}

}  // namespace delivsim::gui
