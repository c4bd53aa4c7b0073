#include "sim/batch/world_design_fields.h"

#include <variant>

#include "sim/batch/batch_file_fields.h"
#include "sim/scenario/param_value.h"

namespace delivsim {

using Json = nlohmann::ordered_json;

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

std::string varied_csv_column(const VariedParam& param) {
  const bool seconds =
      std::holds_alternative<Duration>(param.low) || std::holds_alternative<DelayDistribution>(param.low);
  return param.label() + (seconds ? "_s" : "");
}

}  // namespace delivsim
