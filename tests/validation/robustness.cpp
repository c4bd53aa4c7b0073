#include "tests/validation/robustness.h"

#include <stdexcept>

#include "models/receiver_params.h"

namespace delivsim::validation {
namespace {

/// The plausible range of the assumed parameter `name`, as visit_receiver_params gives it.
std::pair<std::string, std::string> plausible_range(const std::string& name) {
  std::pair<std::string, std::string> range;
  bool found = false;
  ReceiverParams params = ReceiverParams::gmail();
  visit_receiver_params(params, [&](const ParamInfo& info, const auto&) {
    if (info.name != name) return;
    found = !info.low.empty();
    range = {std::string(info.low), std::string(info.high)};
  });
  if (!found) throw std::logic_error("lesson depends on " + name + ", which has no plausible range");
  return range;
}

}  // namespace

std::vector<RobustnessCase> robustness_cases() {
  std::vector<RobustnessCase> cases;
  for (const Lesson& lesson : lessons()) {
    for (const std::string& param : lesson.depends_on) {
      const auto [low, high] = plausible_range(param);
      cases.push_back({&lesson, param, low});
      cases.push_back({&lesson, param, high});
    }
  }
  return cases;
}

}  // namespace delivsim::validation
