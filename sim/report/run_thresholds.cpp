#include "sim/report/run_thresholds.h"

#include <algorithm>

namespace delivsim::report {

std::string judged_provider(const RunResult& run) {
  for (const ProviderResult& provider : run.providers) {
    if (provider.name == "gmail") return provider.name;
  }
  return run.providers.empty() ? "" : run.providers.front().name;
}

const ProviderThresholds& provider_thresholds(const RunResult& run, const std::string& provider) {
  static const ProviderThresholds kGmail = ProviderThresholds::gmail();
  const auto found = std::find_if(run.providers.begin(), run.providers.end(),
                                  [&](const ProviderResult& p) { return p.name == provider; });
  return found == run.providers.end() ? kGmail : found->thresholds;
}

const ProviderThresholds& judged_thresholds(const RunResult& run) {
  return provider_thresholds(run, judged_provider(run));
}

}  // namespace delivsim::report
