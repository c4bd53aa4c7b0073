// Prints, as JSON, what the parser reads from the scenario files named on the command line: every mapping a
// MapReader checks (its dotted path and allowed keys) and every receiver parameter's name and value type.
// schema_test.py compares both with docs/scenario.schema.json. Exit 2 when a file does not load.
#include <iostream>
#include <set>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "models/receiver_params.h"
#include "sim/scenario/field_reader.h"
#include "sim/scenario/scenario_batch.h"
#include "sim/yaml/scenario_error.h"

namespace {

using delivsim::DelayDistribution;
using delivsim::Duration;
using delivsim::RecipientLimits;

/// The value type of a receiver parameter field, in the words of the schema's $defs.
template <class T>
std::string param_type() {
  if constexpr (std::is_same_v<T, bool>) return "boolean";
  if constexpr (std::is_same_v<T, int>) return "integer";
  if constexpr (std::is_same_v<T, double>) return "number";
  if constexpr (std::is_same_v<T, Duration>) return "duration";
  if constexpr (std::is_same_v<T, DelayDistribution>) return "distribution";
  if constexpr (std::is_same_v<T, RecipientLimits>) return "recipient_limits";
}

nlohmann::json receiver_params() {
  nlohmann::json params = nlohmann::json::array();
  const delivsim::ReceiverParams defaults;
  delivsim::visit_receiver_params(defaults, [&](const delivsim::ParamInfo& info, const auto& value) {
    params.push_back({{"name", info.name},
                      {"type", param_type<std::decay_t<decltype(value)>>()},
                      {"zero_means_none", info.zero_means_none}});
  });
  return params;
}

}  // namespace

int main(int argc, char** argv) {
  std::set<std::pair<std::string, std::vector<std::string>>> maps;
  delivsim::set_map_reader_observer([&](const std::string& path, const std::vector<std::string_view>& keys) {
    maps.emplace(path, std::vector<std::string>(keys.begin(), keys.end()));
  });
  for (int i = 1; i < argc; ++i) {
    try {
      delivsim::load_scenario_batch(argv[i], {});
    } catch (const delivsim::ScenarioError& error) {
      std::cerr << error.what() << "\n";
      return 2;
    }
  }
  nlohmann::json out = {{"maps", nlohmann::json::array()}, {"params", receiver_params()}};
  for (const auto& [path, keys] : maps) out["maps"].push_back({{"path", path}, {"keys", keys}});
  std::cout << out.dump(1) << "\n";
  return 0;
}
