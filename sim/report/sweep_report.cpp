#include "sim/report/sweep_report.h"

#include "sim/output/headline.h"
#include "sim/output/number_format.h"
#include "sim/report/figure_format.h"
#include "sim/report/html_page.h"
#include "sim/report/json_fields.h"
#include "sim/report/json_file.h"
#include "sim/report/report_error.h"
#include "sim/report/sweep_chart.h"
#include "sim/report/table_cells.h"

namespace delivsim::report {

namespace {

using Json = nlohmann::ordered_json;

constexpr const char* kSweepJsonName = "sweep.json";

std::string json_text(const Json& value) {
  if (value.is_null()) return std::string(kMissingFigure);
  return value.is_string() ? value.get<std::string>() : value.dump();
}

std::string objective_html(const Json& sweep) {
  const Json& objective = sweep.at("objective");
  if (!objective.is_object()) return element("p", "No objective: the table lists every point's figures.");
  std::string text = "Objective: " + objective.at("goal").get<std::string>() + " " +
                     objective.at("figure").get<std::string>();
  std::string constraints;
  for (const Json& constraint : objective.value("subject_to", Json::array())) {
    constraints += (constraints.empty() ? "" : ", ") + json_text(constraint);
  }
  if (!constraints.empty()) text += " subject to " + constraints;
  std::string out = element("p", text + ".", "objective");
  const Json& best = sweep.at("best");
  if (best.is_object()) {
    std::string settings;
    for (const auto& [path, value] : best.at("settings").items()) {
      settings += (settings.empty() ? "" : ", ") + path + " = " + json_text(value);
    }
    const std::string key = figure_key_of(objective.at("figure").get<std::string>());
    out += element("p",
                   "Best: " + best.at("point").get<std::string>() + " (" + settings + ") with " +
                       format_figure(key, number_or_null(best.at("value"))) + ": " +
                       best.value("reason", "") + ".",
                   "best");
  } else {
    out += element("p", "No point met every constraint.", "best");
  }
  for (const Json& reason : sweep.value("excluded", Json::array())) out += element("p", json_text(reason));
  return out;
}

HtmlTable points_table(const Json& sweep) {
  HtmlTable table{"sweep-table", {"point"}, {}, {}};
  std::vector<std::string> paths;
  for (const Json& axis : sweep.at("axes")) paths.push_back(axis.at("path").get<std::string>());
  table.header.insert(table.header.end(), paths.begin(), paths.end());
  for (const HeadlineFigure& figure : headline_figures())
    table.header.push_back(figure_heading(figure.label));
  const Json& objective = sweep.at("objective");
  const bool has_objective = objective.is_object();
  const std::string objective_key =
      has_objective ? figure_key_of(objective.at("figure").get<std::string>()) : "";
  if (has_objective) table.header.insert(table.header.end(), {"feasible", "objective", "broken constraints"});
  const Json& best = sweep.at("best");
  const std::string best_point = best.is_object() ? best.at("point").get<std::string>() : "";
  for (const Json& point : sweep.at("points")) {
    const std::string name = point.at("name").get<std::string>();
    std::vector<HtmlCell> row{{name == best_point ? name + " ★" : name, ""}};
    for (const std::string& path : paths)
      row.push_back({json_text(point.at("settings").value(path, Json())), "num"});
    for (const HeadlineFigure& figure : headline_figures()) {
      const std::string key(figure.key);
      row.push_back({format_figure(key, number_or_null(point.at("figures").value(key, Json()))), "num"});
    }
    const bool feasible = point.value("feasible", Json()) != Json(false);
    if (has_objective) {
      std::string failed;
      for (const Json& constraint : point.value("failed", Json::array())) {
        failed += (failed.empty() ? "" : "; ") + json_text(constraint);
      }
      row.push_back({feasible ? "yes" : "no", feasible ? "" : "act"});
      row.push_back({format_figure(objective_key, number_or_null(point.at("objective"))), "num"});
      row.push_back({failed, ""});
    }
    table.rows.push_back(std::move(row));
    table.row_classes.push_back(name == best_point ? "best" : feasible ? "" : "infeasible");
  }
  return table;
}

std::string sweep_body(const Json& sweep) {
  const std::int64_t replications = integer_member_or(sweep, "replications", 1);
  std::string axes;
  for (const Json& axis : sweep.at("axes")) {
    axes += (axes.empty() ? "" : "; ") + axis.at("path").get<std::string>() + " in {";
    std::string values;
    for (const Json& value : axis.at("values")) values += (values.empty() ? "" : ", ") + json_text(value);
    axes += values + "}";
  }
  std::string out = element("h1", "delivsim sweep: " + json_text(sweep.at("scenario")), "title");
  out += element("p", "seed " + json_text(sweep.at("seed")) + " · " +
                          format_count_noun(sweep.at("points").size(), "point", "points") + " · " +
                          format_count_noun(replications, "replication", "replications") + " per point · " +
                          axes);
  out += element("h2", "Objective", "objective-section") + objective_html(sweep);
  out += element("h2", "Chart", "charts-section") + "<div class=\"charts\">\n" + sweep_chart_svg(sweep) +
         "</div>\n";
  out += element("h2", "Points", "points-section");
  if (replications > 1) out += element("p", "Figures are means over each point's replications.");
  out += table_html(points_table(sweep));
  return out;
}

}  // namespace

bool has_sweep(const std::filesystem::path& dir) {
  return std::filesystem::is_regular_file(dir / kSweepJsonName);
}

std::string sweep_html(const std::filesystem::path& dir) {
  const std::filesystem::path path = dir / kSweepJsonName;
  const Json sweep = read_json_object_file(path);
  try {
    if (array_member(sweep, "axes").empty()) throw ReportInputError("axes: empty");
    return sweep_body(sweep);
  } catch (const nlohmann::json::exception& e) {
    throw ReportInputError(path.string() + ": not a sweep.json: " + json_problem(e));
  } catch (const ReportInputError& e) {
    throw ReportInputError(path.string() + ": not a sweep.json: " + e.what());
  }
}

}  // namespace delivsim::report
