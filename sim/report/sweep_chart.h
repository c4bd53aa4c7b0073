#pragma once
/// @file The sweep report's chart: the objective figure against the first swept parameter.
#include <nlohmann/json.hpp>
#include <string>

namespace delivsim::report {

/// id "chart-sweep": each point's objective value (or, without an objective, its delivered share) against
/// the value of the first axis, one line per combination of the other axes' values; infeasible points are
/// drawn as grey dots. The value axis spans the values (not from zero) and shows spans in days, hours or
/// seconds. `sweep` is a parsed sweep.json.
std::string sweep_chart_svg(const nlohmann::ordered_json& sweep);

}  // namespace delivsim::report
