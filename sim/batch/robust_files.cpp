#include "sim/batch/robust_files.h"

#include <nlohmann/json.hpp>
#include <sstream>
#include <variant>

#include "sim/batch/batch_file_fields.h"
#include "sim/output/csv_field.h"
#include "sim/output/headline.h"

namespace delivsim {

namespace {

using Json = nlohmann::ordered_json;

constexpr const char* kRobustJsonName = "robust.json";
constexpr const char* kRobustCsvName = "robust.csv";
constexpr const char* kRobustFormat = "delivsim-robust";

Json varied_json(const WorldDesign& design) {
  Json varied = Json::array();
  for (const VariedParam& param : design.varied) {
    varied.push_back({{"label", param.label()},
                      {"provider", param.provider},
                      {"param", param.param},
                      {"low", param_text(param.low)},
                      {"high", param_text(param.high)},
                      {"scale", param.scale == RangeScale::Log ? "log" : "linear"}});
  }
  return varied;
}

Json world_values_json(const WorldDesign& design) {
  Json worlds = Json::array();
  for (const std::vector<ParamValue>& world : design.values) {
    Json values = Json::array();
    for (const ParamValue& value : world) values.push_back(json_figure(param_number(value)));
    worlds.push_back(values);
  }
  return worlds;
}

Json figure_json(const RobustResult& result, std::size_t s, std::size_t f) {
  const RobustFigure& figure = result.strategies[s].figures[f];
  Json versus_first = nullptr;
  if (figure.versus_first) {
    versus_first = {{"wins", json_figure(figure.versus_first->wins)},
                    {"ties", json_figure(figure.versus_first->ties)},
                    {"losses", json_figure(figure.versus_first->losses)}};
  }
  Json difference = nullptr;
  if (figure.difference_mean) {
    difference = {{"p5", json_figure(figure.difference_p5)},
                  {"p50", json_figure(figure.difference_p50)},
                  {"p95", json_figure(figure.difference_p95)},
                  {"mean", json_figure(figure.difference_mean)}};
  }
  Json sensitivity = Json::array();
  for (const Sensitivity& entry : figure.sensitivity) {
    sensitivity.push_back({{"param", result.design.varied[entry.param].label()},
                           {"rank_correlation", json_figure(entry.rank_correlation)}});
  }
  return {{"key", headline_figures()[f].key},
          {"best_share", json_figure(figure.best_share)},
          {"versus_first", versus_first},
          {"difference", difference},
          {"verdict", s == 0 ? Json(nullptr) : Json(robust_verdict(result, s, f))},
          {"sensitivity", sensitivity}};
}

Json strategy_json(const RobustResult& result, std::size_t s) {
  const RobustStrategy& strategy = result.strategies[s];
  Json worlds = Json::array();
  for (const WorldOutcome& world : strategy.worlds) {
    Json values = Json::array();
    for (const std::optional<double>& value : world.figures) values.push_back(json_figure(value));
    worlds.push_back(values);
  }
  Json figures = Json::array();
  for (std::size_t f = 0; f < strategy.figures.size(); ++f) figures.push_back(figure_json(result, s, f));
  return {{"name", strategy.name},
          {"description", strategy.description},
          {"worlds", worlds},
          {"figures", figures}};
}

/// A varied parameter's robust.csv column: its label, with "_s" for a duration or distribution (in seconds).
std::string csv_column(const VariedParam& param) {
  const bool seconds =
      std::holds_alternative<Duration>(param.low) || std::holds_alternative<DelayDistribution>(param.low);
  return param.label() + (seconds ? "_s" : "");
}

}  // namespace

std::string robust_json(const RobustResult& result) {
  const auto worlds = static_cast<int>(result.design.values.size());
  Json robust = Json::object();
  robust["format"] = kRobustFormat;
  robust["version"] = kRobustFormatVersion;
  robust["scenario"] = result.scenario;
  robust["path"] = result.path;
  robust["seed"] = result.seed;
  robust["uncertainty_seed"] = result.design.seed;
  robust["worlds"] = worlds;
  robust["replications"] = result.replications;
  robust["noise_rank_correlation"] = json_figure(noise_rank_correlation(worlds));
  robust["varied"] = varied_json(result.design);
  robust["world_values"] = world_values_json(result.design);
  robust["figures"] = headline_figures_json();
  Json strategies = Json::array();
  for (std::size_t s = 0; s < result.strategies.size(); ++s) strategies.push_back(strategy_json(result, s));
  robust["strategies"] = strategies;
  return robust.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

std::string robust_csv(const RobustResult& result) {
  std::ostringstream out;
  std::vector<std::string> header{"strategy", "world"};
  for (const VariedParam& param : result.design.varied) header.push_back(csv_column(param));
  for (const HeadlineFigure& figure : headline_figures()) header.emplace_back(figure.key);
  write_csv_line(out, header);
  for (const RobustStrategy& strategy : result.strategies) {
    for (std::size_t w = 0; w < strategy.worlds.size(); ++w) {
      std::vector<std::string> row{strategy.name, std::to_string(w + 1)};
      for (const ParamValue& value : result.design.values[w]) row.push_back(csv_figure(param_number(value)));
      for (const std::optional<double>& value : strategy.worlds[w].figures) row.push_back(csv_figure(value));
      write_csv_line(out, row);
    }
  }
  return out.str();
}

std::vector<OutputFile> robust_output_files(const RobustResult& result) {
  return {
      {kRobustJsonName, [&result](std::ostream& out) { out << robust_json(result); }},
      {kRobustCsvName, [&result](std::ostream& out) { out << robust_csv(result); }},
  };
}

}  // namespace delivsim
