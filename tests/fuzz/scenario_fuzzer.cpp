// libFuzzer target: the scenario parser with `--set` overrides, batch keys included (strategies, sweep,
// objective, uncertainty, world expectations). The input is the YAML text, then any number of NUL-separated
// overrides ("path=VALUE"). Every input must end in a ScenarioBatch or a ScenarioError, and a batch that
// parses must give receiver worlds its strategies can be placed in; any other exception, a crash, a hang or
// unbounded memory is a finding.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "sim/batch/receiver_worlds.h"
#include "sim/yaml/scenario_error.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const std::size_t yaml_end = input.find('\0');
  const std::string_view yaml = input.substr(0, yaml_end);
  std::vector<std::string> overrides;
  for (std::size_t at = yaml_end; at != std::string_view::npos && at < input.size();) {
    const std::size_t next = input.find('\0', at + 1);
    overrides.emplace_back(input.substr(at + 1, next == std::string_view::npos ? next : next - at - 1));
    at = next;
  }
  try {
    const delivsim::ScenarioBatch batch = delivsim::parse_scenario_batch(yaml, "fuzz.yaml", overrides);
    const delivsim::WorldDesign design = delivsim::design_worlds(batch, 3);
    for (std::size_t world = 0; world < design.values.size(); ++world) {
      for (const delivsim::ScenarioVariant& strategy : batch.strategies) {
        delivsim::scenario_in_world(strategy.scenario, design, world);
      }
    }
  } catch (const delivsim::ScenarioError&) {
  }
  return 0;
}
