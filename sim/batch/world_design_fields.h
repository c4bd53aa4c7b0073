#pragma once
/// @file A robust run's receiver worlds as its output files write them (robust.json/robust.csv and
/// sweep_robust.json/sweep_robust.csv, docs/batch-outputs.md), so every file describes the worlds alike
/// (private to sim/batch's writers).
#include <nlohmann/json.hpp>
#include <string>

#include "sim/batch/receiver_worlds.h"

namespace delivsim {

/// The varied parameters as a JSON array of {label, provider, param, low, high (param_text), scale: "log" |
/// "linear"}, in WorldDesign::varied order.
nlohmann::ordered_json varied_json(const WorldDesign& design);

/// Every world's parameter numbers (param_number: durations and distributions in seconds) as a JSON array
/// [world][varied], rounded like json_figure.
nlohmann::ordered_json world_values_json(const WorldDesign& design);

/// A varied parameter's CSV column: its label, with "_s" appended for a duration or distribution (written in
/// seconds).
std::string varied_csv_column(const VariedParam& param);

}  // namespace delivsim
