#pragma once
/// @file The headline figures of a run: the few numbers shown above the GUI's charts, compared strategy
/// against strategy by `delivsim compare`, tabled by `delivsim sweep` and shown first in reports.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "models/receiver_params.h"
#include "models/tier.h"
#include "sim/output/provider_thresholds.h"
#include "sim/output/run_result.h"

namespace delivsim {

/// The headline figures of one run.
struct Headline {
  double delivered_share = 0;  ///< delivered / injected, all providers
  double deferral_rate = 0;    ///< deferrals / attempts, all providers
  std::int64_t max_queue = 0;  ///< the largest queue any provider had
  /// Seconds until the slowest provider drained; nullopt when some provider that got mail never drained.
  std::optional<double> time_to_drain_s;
  /// When time_to_drain_s is missing: whether every provider that did not drain is in
  /// DrainState::SteadyState (a stream whose queue is small, not mail piling up); false otherwise.
  bool steady_state = false;
  double p95_latency_s = 0;        ///< the highest p95 delivery latency of any provider, seconds
  std::optional<Tier> final_tier;  ///< the worst final tier of any identity; nullopt when there are none
  std::int64_t expired = 0;
  std::int64_t bounced = 0;
};

/// The headline figures of `result`.
Headline headline_of(const RunResult& result);

/// Which way a figure is better.
enum class Better { Higher, Lower };

/// What a headline figure's number is; every table and report writes a figure by its unit.
enum class FigureUnit {
  Share,    ///< a fraction, 0..1
  Drain,    ///< seconds until every queue drained; missing when one did not
  Latency,  ///< seconds a message waited
  Tier,     ///< a reputation tier by its order, BAD = 0 ... HIGH = 3
  Count,    ///< messages
};

/// One headline figure as a number, for tables, statistics and "best" marks.
struct HeadlineFigure {
  std::string_view key;    ///< snake_case, used in compare.json, compare.csv and sweep.csv
  std::string_view label;  ///< e.g. "Deferral rate"
  Better better;
  FigureUnit unit;
  /// The value; nullopt when missing (not drained, no identities). Tiers are their order: BAD = 0 ... HIGH
  /// = 3.
  std::optional<double> (*value)(const Headline&);
};

/// Every headline figure in display order: delivered_share, deferral_rate, max_queue, time_to_drain_s,
/// p95_latency_s, final_tier, bounced, expired.
std::span<const HeadlineFigure> headline_figures();

/// The index in headline_figures() of the figure whose key is `key`; nullopt when there is none.
std::optional<std::size_t> headline_figure_index(std::string_view key);

/// A figure's label for a table heading, without the unit suffix " (s)" of the figures in seconds, which
/// tables write as spans ("Time to drain (s)" -> "Time to drain"). Also for labels read back from files.
std::string figure_heading(std::string_view label);
std::string figure_heading(const HeadlineFigure& figure);

/// Whether `value` is strictly better than `rival` in the direction `better`; a missing value (never drained,
/// no identities) is worse than any present one and ties with another missing one.
bool strictly_better(const std::optional<double>& value, const std::optional<double>& rival, Better better);

/// How a deferral rate compares with seed 003's alert levels for Gmail.
enum class DeferralLevel { Normal, Unusual, Act };

/// Normal at or below `thresholds.alert_unusual_share`, Act above `thresholds.alert_act_share`, else
/// Unusual.
DeferralLevel deferral_level(double deferral_rate, const ProviderThresholds& thresholds);

/// deferral_level() by `params`' alert levels.
DeferralLevel deferral_level(double deferral_rate, const ReceiverParams& params);

}  // namespace delivsim
