#include "sim/report/compare_report.h"

#include <algorithm>
#include <cmath>

#include "sim/output/duration_format.h"
#include "sim/output/headline.h"
#include "sim/output/number_format.h"
#include "sim/report/compare_charts.h"
#include "sim/report/figure_format.h"
#include "sim/report/html_escape.h"
#include "sim/report/html_page.h"
#include "sim/report/json_fields.h"
#include "sim/report/json_file.h"
#include "sim/report/report_error.h"

namespace delivsim::report {

namespace {

using Json = nlohmann::ordered_json;

constexpr const char* kCompareJsonName = "compare.json";

std::string settings_text(const Json& settings) {
  std::string text;
  for (const auto& [path, value] : settings.items()) {
    text += (text.empty() ? "" : "; ") + path + " = " +
            (value.is_string() ? value.get<std::string>() : value.dump());
  }
  return text.empty() ? "(the scenario as written)" : text;
}

/// One strategy's cell for one figure: the mean (± sd with replications), then its difference from the
/// first strategy with the 95% CI.
HtmlCell figure_cell(const Json& strategy, const std::string& key, bool replications, bool best) {
  const Json& stats = strategy.at("figures").at(key);
  std::string text = format_figure(key, number_or_null(stats.at("mean")));
  const std::optional<double> sd = number_or_null(stats.value("sd", Json()));
  if (replications && sd && stats.at("mean").is_number()) text += " ± " + format_figure_magnitude(key, *sd);
  const Json& difference = strategy.at("difference");
  if (difference.is_object() && difference.contains(key)) {
    const Json& diff = difference.at(key);
    text += "  (Δ " + format_figure_difference(key, diff.at("mean").get<double>());
    const std::optional<double> low = number_or_null(diff.value("ci95_low", Json()));
    const std::optional<double> high = number_or_null(diff.value("ci95_high", Json()));
    if (low && high) {
      text +=
          ", 95% CI " + format_figure_difference(key, *low) + " to " + format_figure_difference(key, *high);
    }
    text += ")";
  }
  if (best) text += " ★";
  return {text, best ? "num best" : "num"};
}

std::string side_by_side_html(const Json& compare, bool replications) {
  HtmlTable table{"compare-table", {"figure"}, {}, {}};
  for (const Json& strategy : compare.at("strategies"))
    table.header.push_back(strategy.at("name").get<std::string>());
  for (const Json& figure : compare.at("figures")) {
    const std::string key = figure.at("key").get<std::string>();
    const Json& best = compare.at("best").value(key, Json());
    std::vector<HtmlCell> row{{figure_heading(figure.at("label").get<std::string>()) + " (" +
                                   figure.at("better").get<std::string>() + " is better)",
                               ""}};
    for (const Json& strategy : compare.at("strategies")) {
      const bool is_best =
          best.is_string() && best.get<std::string>() == strategy.at("name").get<std::string>();
      row.push_back(figure_cell(strategy, key, replications, is_best));
    }
    table.rows.push_back(std::move(row));
  }
  return table_html(table);
}

std::string details_html(const Json& compare) {
  HtmlTable settings{
      "compare-settings", {"strategy", "settings", "top deferral replies (mean count)"}, {}, {}};
  HtmlTable expectations{"compare-expectations", {"strategy", "expectation", "result", "actual"}, {}, {}};
  for (const Json& strategy : compare.at("strategies")) {
    const std::string name = strategy.at("name").get<std::string>();
    std::string replies;
    const Json top_replies = strategy.value("top_replies", Json::object());
    for (const auto& [reply, count] : top_replies.items()) {
      replies +=
          (replies.empty() ? "" : "; ") + reply + ": " + format_count(std::llround(count.get<double>()));
    }
    settings.rows.push_back(
        {{name, ""}, {settings_text(strategy.at("settings")), ""}, {replies.empty() ? "none" : replies, ""}});
    for (const Json& check : strategy.value("expectations", Json::array())) {
      const bool passed = check.value("passed", false);
      const Json& actual = check.value("actual", Json());
      expectations.rows.push_back({{name, ""},
                                   {check.value("text", ""), ""},
                                   {passed ? "PASS" : "FAIL", passed ? "normal" : "act"},
                                   {actual.is_string() ? actual.get<std::string>() : actual.dump(), "num"}});
    }
  }
  std::string out = element("h2", "Strategies") + table_html(settings);
  if (!expectations.rows.empty()) out += element("h2", "Expectations") + table_html(expectations);
  return out;
}

std::vector<StrategyRun> read_strategies(const std::filesystem::path& dir, const Json& compare) {
  std::vector<StrategyRun> strategies;
  for (const Json& strategy : compare.at("strategies")) {
    const std::string name = strategy.at("name").get<std::string>();
    if (name.empty() || name.find('/') != std::string::npos || name == "." || name == "..") {
      throw ReportInputError((dir / kCompareJsonName).string() + ": '" + name +
                             "' is not a strategy folder name");
    }
    strategies.push_back({name, read_run_folder(dir / name)});
  }
  return strategies;
}

std::string compare_body(const std::filesystem::path& dir, const Json& compare, std::int64_t replications) {
  const std::vector<StrategyRun> strategies = read_strategies(dir, compare);
  double span_s = 0;
  for (const StrategyRun& strategy : strategies)
    span_s = std::max(span_s, to_seconds(strategy.folder.run.simulated));
  const TimeAxis time = time_axis(span_s);
  std::string out = element("h1", "delivsim compare: " + compare.at("scenario").get<std::string>(), "title");
  out +=
      element("p", "seed " + compare.at("seed").dump() + " · " +
                       format_count_noun(replications, "replication", "replications") + " per strategy · " +
                       format_count_noun(strategies.size(), "strategy", "strategies") + " · simulated " +
                       format_elapsed(span_s));
  out += element("h2", "Side by side", "compare-section");
  out +=
      element("p", replications > 1
                       ? "Means ± sd over the replications; Δ is the mean paired difference from the first "
                         "strategy with its 95% confidence interval; ★ marks the best."
                       : "Δ is the difference from the first strategy; ★ marks the best.");
  out += side_by_side_html(compare, replications > 1);
  out += details_html(compare);
  out += element("h2", "Overlays", "charts-section");
  out += "<div class=\"charts\">\n" + compare_queue_chart_svg(strategies, time) +
         compare_deferral_chart_svg(strategies, time) + compare_reputation_chart_svg(strategies, time) +
         "</div>\n";
  return out;
}

}  // namespace

bool has_compare(const std::filesystem::path& dir) {
  return std::filesystem::is_regular_file(dir / kCompareJsonName);
}

std::string compare_html(const std::filesystem::path& dir) {
  const std::filesystem::path path = dir / kCompareJsonName;
  const Json compare = read_json_object_file(path);
  const std::string problem = path.string() + ": not a compare.json: ";
  std::int64_t replications = 1;
  try {
    replications = integer_member_or(compare, "replications", 1);
  } catch (const ReportInputError& e) {
    throw ReportInputError(problem + e.what());
  }
  try {
    return compare_body(dir, compare, replications);
  } catch (const nlohmann::json::exception& e) {
    throw ReportInputError(problem + json_problem(e));
  }
}

}  // namespace delivsim::report
