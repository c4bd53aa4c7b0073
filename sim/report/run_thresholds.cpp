#include "sim/report/run_thresholds.h"

#include <algorithm>

#include "sim/output/judging_provider.h"

namespace delivsim::report {

const ProviderThresholds& provider_thresholds(const RunResult& run, const std::string& provider) {
  static const ProviderThresholds kGmail = ProviderThresholds::gmail();
  const auto found = std::find_if(run.providers.begin(), run.providers.end(),
                                  [&](const ProviderResult& p) { return p.name == provider; });
  return found == run.providers.end() ? kGmail : found->thresholds;
}

const ProviderThresholds& judged_thresholds(const RunResult& run) {
  return provider_thresholds(run, judging_provider(run));
}

}  // namespace delivsim::report
