#include "sim/report/sweep_chart.h"

#include <algorithm>
#include <cmath>

#include "sim/report/figure_format.h"
#include "sim/report/svg_chart.h"

namespace delivsim::report {

namespace {

using Json = nlohmann::ordered_json;

constexpr RgbColor kInfeasibleRgb = 0x999999;

/// One line of the chart: the other axes' values it stands for, and its points.
struct SweepLine {
  std::string label;
  std::vector<ChartPoint> points;
};

std::string setting_text(const Json& settings, const std::string& path) {
  if (!settings.contains(path)) return "";
  const Json& value = settings.at(path);
  return value.is_string() ? value.get<std::string>() : value.dump();
}

/// The value the chart shows for `point`: its objective, or its delivered share without an objective.
std::optional<double> shown_value(const Json& point, bool has_objective) {
  const Json& value =
      has_objective ? point.at("objective") : point.at("figures").value("delivered_share", Json());
  if (value.is_number()) return value.get<double>();
  return std::nullopt;
}

}  // namespace

std::string sweep_chart_svg(const Json& sweep) {
  const Json& axes = sweep.at("axes");
  const Json& objective = sweep.at("objective");
  const bool has_objective = objective.is_object();
  const std::string first_path = axes.at(0).at("path").get<std::string>();
  std::vector<std::string> first_values;
  for (const Json& value : axes.at(0).at("values")) {
    first_values.push_back(value.is_string() ? value.get<std::string>() : value.dump());
  }
  std::vector<SweepLine> lines;
  std::vector<ChartPoint> infeasible;
  double low = 0, high = 0;
  bool any = false;
  for (const Json& point : sweep.at("points")) {
    const Json& settings = point.at("settings");
    const auto at = std::find(first_values.begin(), first_values.end(), setting_text(settings, first_path));
    const std::optional<double> value = shown_value(point, has_objective);
    if (at == first_values.end() || !value) continue;
    const ChartPoint chart_point{static_cast<double>(at - first_values.begin()), *value};
    low = any ? std::min(low, *value) : *value;
    high = any ? std::max(high, *value) : *value;
    any = true;
    std::string label;
    for (std::size_t a = 1; a < axes.size(); ++a) {
      const std::string path = axes.at(a).at("path").get<std::string>();
      label += (label.empty() ? "" : ", ") + path + " = " + setting_text(settings, path);
    }
    auto line =
        std::find_if(lines.begin(), lines.end(), [&](const SweepLine& l) { return l.label == label; });
    if (line == lines.end()) line = lines.insert(lines.end(), {label, {}});
    line->points.push_back(chart_point);
    if (point.value("feasible", Json()) == Json(false)) infeasible.push_back(chart_point);
  }
  const std::string figure_path = has_objective ? objective.at("figure").get<std::string>() : "";
  const ValueScale scale = figure_value_scale(figure_key_of(figure_path), high);
  const std::string title = has_objective
                                ? objective.at("goal").get<std::string>() + " " + figure_key_of(figure_path)
                                : "delivered share";
  const std::string figure_title = has_objective ? figure_path + scale.unit : "Delivered share (0-1)";
  // The range of the values, not from zero: the differences between points are what matters.
  SvgChart chart("chart-sweep", "Sweep: " + title + " by " + figure_key_of(first_path),
                 category_axis(first_path, first_values),
                 value_axis(figure_title, high / scale.divisor, low / scale.divisor));
  const auto scaled = [&](std::vector<ChartPoint> points) {
    for (ChartPoint& point : points) point.y /= scale.divisor;
    return points;
  };
  infeasible = scaled(infeasible);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    std::sort(lines[i].points.begin(), lines[i].points.end(),
              [](const ChartPoint& a, const ChartPoint& b) { return a.x < b.x; });
    lines[i].points = scaled(lines[i].points);
    chart.line(lines[i].points, series_rgb(i));
    chart.dots(lines[i].points, series_rgb(i));
    chart.legend(lines[i].label.empty() ? figure_title : lines[i].label, series_rgb(i));
  }
  if (!infeasible.empty()) {
    chart.dots(infeasible, kInfeasibleRgb);
    chart.legend("infeasible (breaks a constraint)", kInfeasibleRgb, LegendMark::Box);
  }
  return chart.svg();
}

}  // namespace delivsim::report
