#pragma once
/// @file Headline figures as report text, by their key in headline_figures() (sim/output/headline.h), and
/// the CSS classes that colour them.
#include <optional>
#include <string>
#include <string_view>

#include "models/tier.h"
#include "sim/output/provider_thresholds.h"

namespace delivsim::report {

/// True for the headline figures that are shares (0..1): delivered_share and deferral_rate.
bool is_share_figure(std::string_view key);

/// `value` of the headline figure `key` as text: shares as percentages ("96.6%", deferral rate "0.07%"),
/// spans as "3d 4h" (time to drain: "not drained" when missing), counts with separators, tiers by name (a
/// mean between tiers as "2.4 (MEDIUM)"); "—" when missing. Unknown keys get 6 significant digits.
std::string format_figure(std::string_view key, std::optional<double> value);

/// The last segment of a figure path, which names its kind: "providers.gmail.time_to_drain_s" ->
/// "time_to_drain_s", "totals.delivered_share" -> "delivered_share".
std::string figure_key_of(std::string_view figure_path);

/// A spread (an sd, or a difference's size) of the headline figure `key`, unsigned: "1.2 pp", "3h 5m",
/// "1 tier", "120".
std::string format_figure_magnitude(std::string_view key, double magnitude);

/// A difference of the headline figure `key` (other minus first): "+1.2 pp", "−3h 5m", "+1 tier", "+120".
std::string format_figure_difference(std::string_view key, double difference);

/// The CSS class of a deferral rate by a provider's alert levels: "unusual" above
/// `thresholds.alert_unusual_share`, "act" above `thresholds.alert_act_share` (seed 003's Gmail levels: 5%
/// and 15%), else "normal".
std::string deferral_class(double deferral_rate, const ProviderThresholds& thresholds);

/// The CSS class of a tier: "tier-high", "tier-medium", "tier-low", "tier-bad".
std::string tier_class(Tier tier);

}  // namespace delivsim::report
