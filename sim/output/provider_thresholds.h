#pragma once
/// @file The receiver parameters that a provider's figures are drawn and judged by outside the simulation
/// (tier bands, spam-rate lines, deferral alert colours), carried in the run result and summary.json so the
/// report needs only the run folder.
#include "models/receiver_params.h"

namespace delivsim {

/// A provider's thresholds: the ReceiverParams fields of the same names (see models/receiver_params.h).
struct ProviderThresholds {
  double tier_high_min = 0;        ///< score >= this is HIGH
  double tier_medium_min = 0;      ///< score >= this is MEDIUM
  double tier_low_min = 0;         ///< score >= this is LOW; below is BAD
  double spam_rate_good = 0;       ///< daily spam rate to keep below (a share, 0.001 = 0.1%)
  double spam_rate_bad = 0;        ///< daily spam rate never to reach (a share)
  double alert_unusual_share = 0;  ///< hourly deferral share above this is unusual
  double alert_act_share = 0;      ///< hourly deferral share above this: act now

  /// The thresholds of `params`.
  static ProviderThresholds of(const ReceiverParams& params);
  /// The Gmail profile's thresholds (ReceiverParams' defaults, which the generic profile shares).
  static ProviderThresholds gmail() { return of(ReceiverParams::gmail()); }
  bool operator==(const ProviderThresholds&) const = default;
};

}  // namespace delivsim
