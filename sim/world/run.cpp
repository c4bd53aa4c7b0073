#include "sim/world/run.h"

#include "sim/world/world.h"

namespace delivsim {

RunResult run_scenario(const Scenario& scenario, const RunOptions& options) {
  World world(scenario, options);
  return world.run();
}

}  // namespace delivsim
