#include "sim/batch/batch_file_fields.h"

#include "sim/output/headline.h"
#include "sim/output/number_format.h"

namespace delivsim {

nlohmann::ordered_json json_figure(std::optional<double> value) {
  return value ? nlohmann::ordered_json(round_significant(*value)) : nlohmann::ordered_json(nullptr);
}

std::string csv_figure(const std::optional<double>& value) {
  return value ? format_significant(*value) : "";
}

nlohmann::ordered_json objective_json(const Objective& objective) {
  nlohmann::ordered_json constraints = nlohmann::ordered_json::array();
  for (const Expectation& constraint : objective.constraints) constraints.push_back(constraint.text);
  return {{"goal", objective.goal == Objective::Goal::Minimize ? "minimize" : "maximize"},
          {"figure", objective.figure_text},
          {"subject_to", constraints}};
}

nlohmann::ordered_json headline_figures_json() {
  nlohmann::ordered_json figures = nlohmann::ordered_json::array();
  for (const HeadlineFigure& figure : headline_figures()) {
    figures.push_back({{"key", figure.key},
                       {"label", figure.label},
                       {"better", figure.better == Better::Higher ? "higher" : "lower"}});
  }
  return figures;
}

nlohmann::ordered_json settings_json(const std::vector<std::pair<std::string, std::string>>& settings) {
  nlohmann::ordered_json object = nlohmann::ordered_json::object();
  for (const auto& [path, value] : settings) object[path] = value;
  return object;
}

}  // namespace delivsim
