// libFuzzer target: the scenario parser with `--set` overrides, batch keys included (strategies, sweep,
// objective, uncertainty, world expectations). The input is the YAML text, then any number of NUL-separated
// overrides ("path=VALUE"). Every input must end in a ScenarioBatch or a ScenarioError, and a batch that
// parses must give receiver worlds its strategies can be placed in; any other exception, a crash, a hang or
// unbounded memory is a finding.
#include <cstddef>
#include <cstdint>

#include "sim/batch/receiver_worlds.h"
#include "sim/yaml/scenario_error.h"
#include "tests/fuzz/fuzzed_scenario_batch.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  try {
    const delivsim::ScenarioBatch batch = delivsim::fuzz::parse_fuzzed_batch(data, size);
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
