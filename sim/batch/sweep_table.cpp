#include "sim/batch/sweep_table.h"

#include <algorithm>
#include <cmath>

#include "models/tier.h"
#include "sim/batch/compare_figure_text.h"
#include "sim/batch/sweep_reasons.h"
#include "sim/output/duration_format.h"
#include "sim/output/number_format.h"
#include "sim/output/text_table.h"

namespace delivsim {

namespace {

using Align = TextTable::Align;

constexpr std::string_view kBestMark = "*";
constexpr std::string_view kReasonIndent = "  ";
constexpr int kPercentDecimals = 1;

std::string heading_lines(const SweepResult& result) {
  std::string text = "Sweep " + result.scenario + "  seed " + std::to_string(result.seed) + "  " +
                     format_count_noun(result.points.size(), "point", "points") + " x " +
                     format_count_noun(result.replications, "replication", "replications") + "\n";
  if (!result.objective) return text;
  return text + objective_text(*result.objective) + "\n";
}

std::string points_section(const SweepResult& result) {
  std::vector<TextTable::Column> columns{{"point", Align::Left}};
  for (const std::string& heading : sweep_axis_headings(result.axes)) columns.push_back({heading});
  for (const HeadlineFigure& figure : headline_figures()) columns.push_back({figure_heading(figure)});
  if (result.objective) columns.insert(columns.end(), {{"ok", Align::Left}, {"objective"}});
  TextTable table(std::move(columns));
  const auto figures = headline_figures();
  for (std::size_t p = 0; p < result.points.size(); ++p) {
    const SweepPoint& point = result.points[p];
    std::vector<std::string> row{point.name + std::string(result.best == p ? kBestMark : "")};
    for (const auto& setting : point.settings) row.push_back(setting.second);
    for (std::size_t f = 0; f < figures.size(); ++f)
      row.push_back(format_figure_stats(figures[f], point.figures[f]));
    if (result.objective) {
      row.emplace_back(point.failed_constraints.empty() ? "yes" : "no");
      row.push_back(point.objective ? format_objective_value(*result.objective, *point.objective) : "-");
    }
    table.add_row(std::move(row));
  }
  return table.render();
}

std::string verdict_section(const SweepResult& result) {
  if (!result.objective) return {};
  const std::string met = std::to_string(feasible_count(result)) + " of " +
                          std::to_string(result.points.size()) + " points met every constraint";
  std::string text;
  if (result.best) {
    const SweepPoint& best = result.points[*result.best];
    text = "best: " + best.name + " (" + sweep_settings_text(best.settings) +
           "): " + result.objective->figure_text + " " +
           format_objective_value(*result.objective, *best.objective) + "; " + met + "\n";
  } else {
    text = "best: none; " + met + "\n";
  }
  for (const std::string& reason : exclusion_reasons(result))
    text += std::string(kReasonIndent) + reason + "\n";
  return text;
}

}  // namespace

std::string objective_text(const Objective& objective) {
  std::string text =
      (objective.goal == Objective::Goal::Minimize ? "minimize " : "maximize ") + objective.figure_text;
  for (std::size_t c = 0; c < objective.constraints.size(); ++c) {
    text += (c == 0 ? " subject to " : ", ") + objective.constraints[c].text;
  }
  return text;
}

std::vector<std::string> sweep_axis_headings(const std::vector<SweepAxis>& axes) {
  std::vector<std::string> headings;
  for (const SweepAxis& axis : axes) headings.push_back(axis.path.substr(axis.path.rfind('.') + 1));
  std::vector<std::string> sorted = headings;
  std::sort(sorted.begin(), sorted.end());
  if (std::adjacent_find(sorted.begin(), sorted.end()) == sorted.end()) return headings;
  headings.clear();
  for (const SweepAxis& axis : axes) headings.push_back(axis.path);
  return headings;
}

std::string sweep_settings_text(const std::vector<std::pair<std::string, std::string>>& settings) {
  std::string text;
  for (const auto& [path, value] : settings) text += (text.empty() ? "" : ", ") + path + "=" + value;
  return text;
}

std::string format_objective_value(const Objective& objective, double value) {
  const Figure& figure = objective.figure;
  if (figure.type == FigureType::Tier && value == std::floor(value)) {
    return std::string(tier_name(static_cast<Tier>(value)));
  }
  if (figure.field.ends_with("_s") || figure.field.find("_s.") != std::string::npos)
    return format_elapsed(value);
  if (figure.field.ends_with("_rate") || figure.field.ends_with("_share")) {
    return format_percent(value, kPercentDecimals);
  }
  return format_significant(value);
}

std::string format_sweep_table(const SweepResult& result) {
  return heading_lines(result) + "\n" + points_section(result) + "\n" + verdict_section(result);
}

}  // namespace delivsim
