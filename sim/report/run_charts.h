#pragma once
/// @file The GUI's five run charts as SVG, from a run's time series (a single run, or replications' means
/// with p5–p95 bands): queue depth, attempts by outcome, reputation, daily spam rate, quota vs accepted.
/// Each chart's <svg> id is given with its function.
#include <string>

#include "sim/report/chart_axis.h"
#include "sim/report/chart_series.h"

namespace delivsim::report {

/// id "chart-queue": messages queued per provider at the end of each interval, one line per provider.
std::string queue_chart_svg(const RunView& view, const TimeAxis& time);

/// id "chart-attempts": SMTP attempts per interval over all providers, stacked: delivered, deferred by reply
/// code (the codes that occurred, in column order), bounced (when any).
std::string attempts_chart_svg(const RunView& view, const TimeAxis& time);

/// id "chart-reputation-<provider>": each identity's reputation score with `provider` over shaded tier bands
/// (HIGH, MEDIUM, LOW, BAD at the provider's tier thresholds).
std::string reputation_chart_svg(const RunView& view, const TimeAxis& time, const std::string& provider);

/// id "chart-spam-rate-<provider>": each identity's daily spam rate with `provider`, in percent, with the
/// provider's spam_rate_good (keep below; published for Gmail: 0.1%) and spam_rate_bad (never reach: 0.3%)
/// lines.
std::string spam_rate_chart_svg(const RunView& view, const TimeAxis& time, const std::string& provider);

/// id "chart-quota-<provider>": each identity's quota per hour (dotted) and messages accepted per hour
/// (solid) with `provider`. Quotas that are not finite (a provider without quotas) are left out.
std::string quota_chart_svg(const RunView& view, const TimeAxis& time, const std::string& provider);

}  // namespace delivsim::report
