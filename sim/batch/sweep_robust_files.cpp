#include "sim/batch/sweep_robust_files.h"

#include <nlohmann/json.hpp>
#include <sstream>

#include "sim/batch/batch_file_fields.h"
#include "sim/batch/sweep_robust_table.h"
#include "sim/batch/world_design_fields.h"
#include "sim/output/csv_field.h"
#include "sim/output/headline.h"

namespace delivsim {

namespace {

using Json = nlohmann::ordered_json;

constexpr const char* kRobustSweepJsonName = "sweep_robust.json";
constexpr const char* kRobustSweepCsvName = "sweep_robust.csv";
constexpr const char* kRobustSweepFormat = "delivsim-robust-sweep";

Json spread_json(const RobustSweepPoint& point) {
  return {{"mean", json_figure(point.objective_mean)},
          {"p5", json_figure(point.objective_p5)},
          {"p95", json_figure(point.objective_p95)}};
}

Json world_json(const RobustSweepWorld& world) {
  const auto figures = headline_figures();
  Json values = Json::object();
  for (std::size_t f = 0; f < figures.size(); ++f)
    values[std::string(figures[f].key)] = json_figure(world.figures[f]);
  return {{"objective", json_figure(world.objective)},
          {"constraints_met", world.constraints_met},
          {"figures", values}};
}

Json point_json(const RobustSweepPoint& point) {
  Json worlds = Json::array();
  for (const RobustSweepWorld& world : point.worlds) worlds.push_back(world_json(world));
  return {{"name", point.name},
          {"settings", settings_json(point.settings)},
          {"objective", spread_json(point)},
          {"constraints_share", json_figure(point.constraints_share)},
          {"feasible", point.feasible},
          {"worlds", worlds}};
}

Json best_json(const RobustSweepResult& result) {
  if (!result.best) return nullptr;
  const RobustSweepPoint& point = result.points[*result.best];
  return {{"point", point.name},
          {"settings", settings_json(point.settings)},
          {"mean", json_figure(point.objective_mean)},
          {"p5", json_figure(point.objective_p5)},
          {"p95", json_figure(point.objective_p95)},
          {"constraints_share", json_figure(point.constraints_share)},
          {"reason", robust_best_reason(result)}};
}

}  // namespace

std::string robust_sweep_json(const RobustSweepResult& result) {
  Json sweep = Json::object();
  sweep["format"] = kRobustSweepFormat;
  sweep["version"] = kRobustSweepFormatVersion;
  sweep["scenario"] = result.scenario;
  sweep["path"] = result.path;
  sweep["seed"] = result.seed;
  sweep["uncertainty_seed"] = result.design.seed;
  sweep["worlds"] = result.design.values.size();
  sweep["replications"] = result.replications;
  sweep["varied"] = varied_json(result.design);
  sweep["world_values"] = world_values_json(result.design);
  Json axes = Json::array();
  for (const SweepAxis& axis : result.axes) axes.push_back({{"path", axis.path}, {"values", axis.values}});
  sweep["axes"] = axes;
  Json objective = objective_json(result.objective);
  objective["min_share_of_worlds"] = json_figure(result.objective.min_share_of_worlds);
  sweep["objective"] = objective;
  sweep["best"] = best_json(result);
  Json points = Json::array();
  for (const RobustSweepPoint& point : result.points) points.push_back(point_json(point));
  sweep["points"] = points;
  return sweep.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

std::string robust_sweep_csv(const RobustSweepResult& result) {
  std::ostringstream out;
  std::vector<std::string> header{"point", "world"};
  for (const SweepAxis& axis : result.axes) header.push_back(axis.path);
  for (const VariedParam& param : result.design.varied) header.push_back(varied_csv_column(param));
  for (const HeadlineFigure& figure : headline_figures()) header.emplace_back(figure.key);
  header.insert(header.end(), {"objective", "constraints_met"});
  write_csv_line(out, header);
  for (const RobustSweepPoint& point : result.points) {
    for (std::size_t w = 0; w < point.worlds.size(); ++w) {
      std::vector<std::string> row{point.name, std::to_string(w + 1)};
      for (const auto& setting : point.settings) row.push_back(setting.second);
      for (const ParamValue& value : result.design.values[w]) row.push_back(csv_figure(param_number(value)));
      for (const std::optional<double>& value : point.worlds[w].figures) row.push_back(csv_figure(value));
      row.push_back(csv_figure(point.worlds[w].objective));
      row.emplace_back(point.worlds[w].constraints_met ? "true" : "false");
      write_csv_line(out, row);
    }
  }
  return out.str();
}

std::vector<OutputFile> robust_sweep_output_files(const RobustSweepResult& result) {
  return {{kRobustSweepJsonName, [&result](std::ostream& out) { out << robust_sweep_json(result); }},
          {kRobustSweepCsvName, [&result](std::ostream& out) { out << robust_sweep_csv(result); }}};
}

}  // namespace delivsim
