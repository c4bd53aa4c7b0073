// `strategies:`: named sets of overrides, each read as its own scenario with its own `expect:` list.
#include "sim/scenario/batch_sections.h"
#include "sim/scenario/scenario_sections.h"
#include "sim/scenario/value_syntax.h"
#include "sim/yaml/scenario_error.h"
#include "sim/yaml/yaml_flow_text.h"

namespace delivsim {

namespace {

std::string read_strategy_name(const MapReader& strategy, const std::vector<ScenarioVariant>& earlier) {
  const Field field = strategy.need("name", "a plain name");
  std::string name = read_name(field);
  if (auto problem = plain_name_problem(name)) {
    field.fail(quote_value(name) + " " + *problem + " (it names an output folder)",
               std::string(kPlainNameRule));
  }
  for (std::size_t i = 0; i < earlier.size(); ++i) {
    if (earlier[i].name == name) {
      field.fail(quote_value(name) + " is already the name of strategies[" + std::to_string(i) + "]",
                 "a name no other strategy has");
    }
  }
  return name;
}

}  // namespace

std::vector<ScenarioVariant> read_strategies(const Field& field, const VariantBase& base) {
  std::vector<ScenarioVariant> strategies;
  for (const Field& item : list_items(field, "a list of strategies, each {name, description, set, expect}")) {
    const MapReader strategy(item, {"name", "description", "set", "expect"});
    ScenarioVariant variant;
    variant.name = read_strategy_name(strategy, strategies);
    if (auto description = strategy.get("description"))
      variant.description = read_text(*description, "free text");
    std::vector<VariantSetting> settings;
    if (auto set = strategy.get("set")) {
      for (const NamedField& entry : named_entries(
               *set, "a mapping from a path such as sender.destinations.gmail.max_smtp_out to a value")) {
        settings.push_back({entry.name, entry.name_position, entry.value.node()});
        variant.settings.emplace_back(entry.name, flow_text(entry.value.node()));
      }
    }
    variant.scenario = read_variant(base, settings, "strategy " + quote_value(variant.name));
    if (auto expect = strategy.get("expect")) read_expect_list(*expect, variant.scenario);
    strategies.push_back(std::move(variant));
  }
  return strategies;
}

}  // namespace delivsim
