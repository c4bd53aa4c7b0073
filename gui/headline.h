#pragma once
/// @file The headline figures of a run: the few numbers shown above the charts and compared A against B.
#include <cstdint>
#include <optional>
#include <string>

#include "models/receiver_params.h"
#include "models/tier.h"
#include "sim/output/run_result.h"
#include "sim/scenario/scenario.h"

namespace delivsim::gui {

/// The headline figures of one run.
struct Headline {
  double delivered_share = 0;  ///< delivered / injected, all providers
  double deferral_rate = 0;    ///< deferrals / attempts, all providers
  /// Seconds until the slowest provider drained; nullopt when some provider that got mail never drained.
  std::optional<double> time_to_drain_s;
  double p95_latency_s = 0;        ///< the highest p95 delivery latency of any provider, seconds
  std::optional<Tier> final_tier;  ///< the worst final tier of any identity; nullopt when there are none
  std::int64_t expired = 0;
  std::int64_t bounced = 0;
};

/// The headline figures of `result`.
Headline headline_of(const RunResult& result);

/// How a deferral rate compares with seed 003's alert levels for Gmail.
enum class DeferralLevel { Normal, Unusual, Act };

/// Normal at or below `params.alert_unusual_share`, Act above `params.alert_act_share`, else Unusual.
DeferralLevel deferral_level(double deferral_rate, const ReceiverParams& params);

/// The receiver parameters the headline judges by: the first Gmail-profile provider's, else Gmail's
/// defaults.
const ReceiverParams& judging_params(const Scenario& scenario);

/// The receiver parameters of the provider named `provider`, else judging_params().
const ReceiverParams& provider_params(const Scenario& scenario, const std::string& provider);

}  // namespace delivsim::gui
