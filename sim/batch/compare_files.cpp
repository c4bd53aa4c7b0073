#include "sim/batch/compare_files.h"

#include <nlohmann/json.hpp>
#include <sstream>

#include "sim/batch/batch_file_fields.h"
#include "sim/batch/replication_outputs.h"
#include "sim/output/csv_field.h"
#include "sim/output/number_format.h"

namespace delivsim {

namespace {

using Json = nlohmann::ordered_json;

constexpr const char* kCompareJsonName = "compare.json";
constexpr const char* kCompareCsvName = "compare.csv";

Json strategy_json(const StrategyOutcome& strategy) {
  const auto figures = headline_figures();
  Json figure_stats = Json::object();
  for (std::size_t f = 0; f < figures.size(); ++f) {
    Json values = Json::array();
    for (const std::optional<double>& value : strategy.figures[f].values)
      values.push_back(json_figure(value));
    figure_stats[std::string(figures[f].key)] = {{"mean", json_figure(strategy.figures[f].mean)},
                                                 {"sd", json_figure(strategy.figures[f].sd)},
                                                 {"values", values}};
  }
  Json replies = Json::object();
  for (const ReplyDeferrals& reply : strategy.top_replies)
    replies[reply.reply] = json_figure(reply.mean_deferrals);
  Json difference = nullptr;
  if (!strategy.differences.empty()) {
    difference = Json::object();
    for (std::size_t f = 0; f < figures.size(); ++f) {
      const std::optional<FigureDifference>& diff = strategy.differences[f];
      if (!diff) continue;
      difference[std::string(figures[f].key)] = {{"mean", json_figure(diff->mean)},
                                                 {"ci95_low", json_figure(diff->ci95_low)},
                                                 {"ci95_high", json_figure(diff->ci95_high)}};
    }
  }
  Json expectations = Json::array();
  for (const CheckedExpectation& check : strategy.expectations) {
    expectations.push_back({{"text", check.expectation.text},
                            {"passed", check.outcome.passed},
                            {"actual", check.outcome.actual}});
  }
  return {{"name", strategy.name},
          {"description", strategy.description},
          {"settings", settings_json(strategy.settings)},
          {"figures", figure_stats},
          {"top_replies", replies},
          {"difference", difference},
          {"expectations", expectations}};
}

}  // namespace

std::string compare_json(const CompareResult& result) {
  Json compare = Json::object();
  compare["schema_version"] = kCompareSchemaVersion;
  compare["kind"] = "compare";
  compare["scenario"] = result.scenario;
  compare["seed"] = result.seed;
  compare["replications"] = result.replications;
  compare["figures"] = headline_figures_json();
  Json strategies = Json::array();
  for (const StrategyOutcome& strategy : result.strategies) strategies.push_back(strategy_json(strategy));
  compare["strategies"] = strategies;
  Json best = Json::object();
  const auto figures = headline_figures();
  for (std::size_t f = 0; f < figures.size(); ++f) {
    best[std::string(figures[f].key)] =
        result.best[f] ? Json(result.strategies[*result.best[f]].name) : Json(nullptr);
  }
  compare["best"] = best;
  return compare.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

std::string compare_csv(const CompareResult& result) {
  std::ostringstream out;
  write_csv_line(out, {"strategy", "figure", "mean", "sd", "diff_vs_first", "ci95_low", "ci95_high", "best"});
  const auto figures = headline_figures();
  for (std::size_t s = 0; s < result.strategies.size(); ++s) {
    const StrategyOutcome& strategy = result.strategies[s];
    for (std::size_t f = 0; f < figures.size(); ++f) {
      std::vector<std::string> row{strategy.name, std::string(figures[f].key),
                                   csv_figure(strategy.figures[f].mean), csv_figure(strategy.figures[f].sd)};
      if (!strategy.differences.empty() && strategy.differences[f]) {
        const FigureDifference& diff = *strategy.differences[f];
        row.insert(row.end(),
                   {format_significant(diff.mean), csv_figure(diff.ci95_low), csv_figure(diff.ci95_high)});
      } else {
        row.insert(row.end(), 3, "");
      }
      row.emplace_back(result.best[f] == s ? "true" : "false");
      write_csv_line(out, row);
    }
  }
  return out.str();
}

std::vector<OutputFile> compare_output_files(const CompareResult& result, const ScenarioBatch& batch) {
  std::vector<OutputFile> files{
      {kCompareJsonName, [&result](std::ostream& out) { out << compare_json(result); }},
      {kCompareCsvName, [&result](std::ostream& out) { out << compare_csv(result); }},
  };
  for (std::size_t s = 0; s < result.strategies.size(); ++s) {
    std::vector<OutputFile> strategy_files =
        replication_output_files(result.strategies[s].replications, batch.strategies[s].scenario.accounting,
                                 result.strategies[s].name + "/");
    files.insert(files.end(), std::make_move_iterator(strategy_files.begin()),
                 std::make_move_iterator(strategy_files.end()));
  }
  return files;
}

}  // namespace delivsim
