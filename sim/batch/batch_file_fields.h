#pragma once
/// @file Values as compare.json/compare.csv, sweep.json/sweep.csv and robust.json/robust.csv write them, so
/// the files round and spell missing values alike (private to sim/batch's writers).
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "sim/scenario/scenario_batch.h"

namespace delivsim {

/// A figure as a JSON number rounded to kWrittenSignificantDigits (number_format.h); nullopt is null.
nlohmann::ordered_json json_figure(std::optional<double> value);

/// A figure as a CSV cell, rounded the same way; nullopt is an empty cell.
std::string csv_figure(const std::optional<double>& value);

/// A sweep's objective as JSON {goal: "minimize" | "maximize", figure, subject_to: [texts]}.
nlohmann::ordered_json objective_json(const Objective& objective);

/// The headline figures as a JSON array of {key, label, better: "higher" | "lower"}, in headline_figures()
/// order.
nlohmann::ordered_json headline_figures_json();

/// A variant's overrides as a JSON object {path: value text}, in the order given.
nlohmann::ordered_json settings_json(const std::vector<std::pair<std::string, std::string>>& settings);

}  // namespace delivsim
