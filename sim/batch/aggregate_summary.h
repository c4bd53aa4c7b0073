#pragma once
/// @file The aggregate of several replications: summary.json with statistics in place of single values, and
/// timeseries_bands.csv.
#include <string>
#include <vector>

#include "sim/output/run_result.h"

namespace delivsim {

/// Version of the aggregate summary.json's layout.
inline constexpr int kAggregateSchemaVersion = 1;

/// The aggregate summary.json of `replications` (all of one scenario, so the same providers, traffic and
/// identities in the same order): "kind": "replications", the scenario, "replications": R, "seeds": [...],
/// then summary.json's structure with every numeric figure replaced by
/// {"mean", "sd", "p5", "p50", "p95", "min", "max"} (sample_stats). A figure that is null in some
/// replications (time_to_drain_s) gets "nulls": k and statistics over a null taken as +infinity (never
/// drained): mean/sd/max are null when k > 0, a percentile is null when it falls among the nulls. Tiers get
/// {"counts": {"BAD": n, ...}, "p50": "MEDIUM"}; alerts become per-level hour counts ("unusual_hours",
/// "act_hours", each statistics). An IP's "worst_filter_colour" becomes {"counts": {"green": n, "yellow": n,
/// "red": n, "none": n}, "worst": the worst of them}. A provider's "thresholds" are settings, not figures:
/// copied once as they are (every replication must have the same). Same rounding as summary_json (6
/// significant digits), fixed key order.
std::string aggregate_summary_json(const std::vector<RunResult>& replications);

/// The bands of `replications`' time series: the column `t_s`, then for each other column C `C_mean`, `C_p5`
/// and `C_p95` (sample_stats over the replications; a tier column's statistics are ratios); a row per
/// interval (replications that ended early contribute to the rows they have). No columns when the
/// replications have no time series columns at all.
Timeseries timeseries_bands(const std::vector<RunResult>& replications);

/// timeseries_bands written as timeseries.csv is; empty when the bands have no columns.
std::string timeseries_bands_csv(const std::vector<RunResult>& replications);

}  // namespace delivsim
