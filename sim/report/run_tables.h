#pragma once
/// @file The tables of a single run: per provider, per traffic source, per identity, and its alerts.
#include "sim/output/run_result.h"
#include "sim/report/html_page.h"

namespace delivsim::report {

/// Per provider: counts, deferral rate (coloured by the provider's alert levels), inbox share of delivered
/// mail, deferrals and bounces by reply, max queue, time to drain, delivery latency mean/p50/p95/p99/max;
/// then a TOTAL row (coloured by the judged provider's levels, run_thresholds.h).
HtmlTable provider_table(const RunResult& run);

/// Per traffic source: class, injected, delivered, inbox share, delivery latency mean/p50/p95/p99/max.
HtmlTable traffic_table(const RunResult& run);

/// Per identity: kind, id, provider, final tier (tier colour), final score, peak daily spam rate (coloured
/// above its provider's spam_rate_good and at spam_rate_bad; Gmail: 0.1% and 0.3%).
HtmlTable identity_table(const RunResult& run);

/// Per IP with a provider whose profile has SNDS-style colour bands: provider, IP, its days by filter colour
/// and the worst colour (green, yellow, red in the report's good, warning and bad colours); no rows when no
/// provider has bands.
HtmlTable filter_colour_table(const RunResult& run);

/// The alert hours merged into spans of consecutive hours with the same provider and level: provider,
/// level, first hour (UTC and time from start), hours, peak deferral share.
HtmlTable alert_table(const RunResult& run);

}  // namespace delivsim::report
