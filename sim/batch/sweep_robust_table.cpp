#include "sim/batch/sweep_robust_table.h"

#include "sim/batch/sweep_table.h"
#include "sim/output/number_format.h"
#include "sim/output/text_table.h"
#include "sim/output/world_share_text.h"

namespace delivsim {

namespace {

using Align = TextTable::Align;

constexpr std::string_view kBestMark = "*";

std::string worlds_text(const RobustSweepResult& result) {
  return format_count_noun(result.design.values.size(), "world", "worlds");
}

std::string heading_lines(const RobustSweepResult& result) {
  return "Robust sweep " + result.scenario + "  seed " + std::to_string(result.seed) + "  " +
         format_count_noun(result.points.size(), "point", "points") + " x " +
         format_count_noun(result.design.values.size(), "receiver world", "receiver worlds") + " (" +
         format_count_noun(result.design.varied.size(), "assumed parameter", "assumed parameters") +
         " varied, Latin hypercube seed " + std::to_string(result.design.seed) + "), " +
         format_count_noun(result.replications, "replication", "replications") + " per world\n" +
         objective_text(result.objective) + ", in at least " +
         format_world_share(result.objective.min_share_of_worlds) + " of the worlds\n";
}

std::string value_text(const Objective& objective, const std::optional<double>& value) {
  return value ? format_objective_value(objective, *value) : "-";
}

std::string points_section(const RobustSweepResult& result) {
  std::vector<TextTable::Column> columns{{"point", Align::Left}};
  for (const std::string& heading : sweep_axis_headings(result.axes)) columns.push_back({heading});
  columns.insert(columns.end(), {{"mean"}, {"p5"}, {"p95"}, {"constraints met"}});
  TextTable table(std::move(columns));
  for (std::size_t p = 0; p < result.points.size(); ++p) {
    const RobustSweepPoint& point = result.points[p];
    std::vector<std::string> row{point.name + std::string(result.best == p ? kBestMark : "")};
    for (const auto& setting : point.settings) row.push_back(setting.second);
    row.push_back(value_text(result.objective, point.objective_mean));
    row.push_back(value_text(result.objective, point.objective_p5));
    row.push_back(value_text(result.objective, point.objective_p95));
    row.push_back(format_world_share(point.constraints_share));
    table.add_row(std::move(row));
  }
  return table.render();
}

/// "3 of 12 points"; `verb` ("met", "that met"); " every constraint in at least 90% of the worlds".
std::string feasible_text(const RobustSweepResult& result, const std::string& verb) {
  return std::to_string(robust_feasible_count(result)) + " of " +
         format_count_noun(result.points.size(), "point", "points") + " " + verb +
         " every constraint in at least " + format_world_share(result.objective.min_share_of_worlds) +
         " of the worlds";
}

std::string best_line(const RobustSweepResult& result) {
  if (!result.best) return "best: none; " + feasible_text(result, "met") + "\n";
  const RobustSweepPoint& best = result.points[*result.best];
  const Objective& objective = result.objective;
  return "best: " + best.name + " (" + sweep_settings_text(best.settings) + "): " + objective.figure_text +
         " mean " + value_text(objective, best.objective_mean) + " (p5 " +
         value_text(objective, best.objective_p5) + ", p95 " + value_text(objective, best.objective_p95) +
         "), every constraint met in " + format_world_share(best.constraints_share) + " of " +
         worlds_text(result) + "; " + feasible_text(result, "met") + "\n";
}

}  // namespace

std::string format_robust_sweep_table(const RobustSweepResult& result) {
  return heading_lines(result) + "\n" + points_section(result) + "\n" + best_line(result);
}

std::string robust_best_reason(const RobustSweepResult& result) {
  const std::string goal = result.objective.goal == Objective::Goal::Minimize ? "lowest " : "highest ";
  return goal + result.objective.figure_text + " mean over " + worlds_text(result) + " of the " +
         feasible_text(result, "that met");
}

}  // namespace delivsim
