#include "sim/batch/sweep_files.h"

#include <nlohmann/json.hpp>
#include <sstream>

#include "sim/batch/batch_file_fields.h"
#include "sim/batch/sweep_reasons.h"
#include "sim/output/csv_field.h"

namespace delivsim {

namespace {

using Json = nlohmann::ordered_json;

constexpr const char* kSweepCsvName = "sweep.csv";
constexpr const char* kSweepJsonName = "sweep.json";

Json point_json(const SweepPoint& point, const std::optional<Objective>& objective) {
  const auto figures = headline_figures();
  Json means = Json::object();
  for (std::size_t f = 0; f < figures.size(); ++f)
    means[std::string(figures[f].key)] = json_figure(point.figures[f].mean);
  Json failed = Json::array();
  for (const std::size_t c : point.failed_constraints) failed.push_back(objective->constraints[c].text);
  return {{"name", point.name},
          {"settings", settings_json(point.settings)},
          {"figures", means},
          {"feasible", objective ? Json(point.failed_constraints.empty()) : Json(nullptr)},
          {"objective", json_figure(point.objective)},
          {"failed", failed}};
}

Json best_json(const SweepResult& result) {
  if (!result.best) return nullptr;
  const SweepPoint& point = result.points[*result.best];
  return {{"point", point.name},
          {"settings", settings_json(point.settings)},
          {"value", json_figure(point.objective)},
          {"reason", best_reason(result)}};
}

}  // namespace

std::string sweep_csv(const SweepResult& result) {
  std::ostringstream out;
  std::vector<std::string> header{"point"};
  for (const SweepAxis& axis : result.axes) header.push_back(axis.path);
  for (const HeadlineFigure& figure : headline_figures()) header.emplace_back(figure.key);
  if (result.objective) header.insert(header.end(), {"feasible", "objective"});
  write_csv_line(out, header);
  for (const SweepPoint& point : result.points) {
    std::vector<std::string> row{point.name};
    for (const auto& setting : point.settings) row.push_back(setting.second);
    for (const FigureStats& figure : point.figures) row.push_back(csv_figure(figure.mean));
    if (result.objective) {
      row.emplace_back(point.failed_constraints.empty() ? "true" : "false");
      row.push_back(csv_figure(point.objective));
    }
    write_csv_line(out, row);
  }
  return out.str();
}

std::string sweep_json(const SweepResult& result) {
  Json sweep = Json::object();
  sweep["schema_version"] = kSweepSchemaVersion;
  sweep["kind"] = "sweep";
  sweep["scenario"] = result.scenario;
  sweep["seed"] = result.seed;
  sweep["replications"] = result.replications;
  Json axes = Json::array();
  for (const SweepAxis& axis : result.axes) axes.push_back({{"path", axis.path}, {"values", axis.values}});
  sweep["axes"] = axes;
  sweep["objective"] = result.objective ? objective_json(*result.objective) : Json(nullptr);
  sweep["best"] = best_json(result);
  sweep["excluded"] = exclusion_reasons(result);
  Json points = Json::array();
  for (const SweepPoint& point : result.points) points.push_back(point_json(point, result.objective));
  sweep["points"] = points;
  return sweep.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

std::vector<OutputFile> sweep_output_files(const SweepResult& result) {
  return {{kSweepCsvName, [&result](std::ostream& out) { out << sweep_csv(result); }},
          {kSweepJsonName, [&result](std::ostream& out) { out << sweep_json(result); }}};
}

}  // namespace delivsim
