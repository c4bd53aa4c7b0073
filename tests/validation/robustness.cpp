#include "tests/validation/robustness.h"

#include <stdexcept>

#include "models/provider_profile.h"

namespace delivsim::validation {
namespace {

/// The plausible range of the assumed parameter `name` for the profile named `profile_name`, as
/// visit_receiver_params and the profile's parameter flags give it.
std::pair<std::string, std::string> plausible_range(const std::string& profile_name,
                                                    const std::string& name) {
  const ProviderProfile* profile = find_provider_profile(profile_name);
  if (profile == nullptr)
    throw std::logic_error("lesson judges provider " + profile_name + ", not a profile");
  std::pair<std::string, std::string> range;
  bool found = false;
  ReceiverParams params = profile->params;
  visit_receiver_params(params, [&](const ParamInfo& gmail_info, const auto&) {
    const ParamInfo info = profile->param_info(gmail_info);
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
      const auto [low, high] = plausible_range(lesson.provider, param);
      cases.push_back({&lesson, param, low});
      cases.push_back({&lesson, param, high});
    }
  }
  return cases;
}

}  // namespace delivsim::validation
