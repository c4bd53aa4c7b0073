#pragma once
/// @file The tables of a live run's report: per provider, its deferrals and bounces by reply, and each
/// identity's standing with each provider at the end.
#include "sim/report/html_page.h"
#include "sim/report/live_summary.h"

namespace delivsim::report {

/// Per provider: connections admitted and refused, replies about mail, recipients accepted and their inbox
/// share, deferrals, bounces, complaints and the complaint rate (of inbox deliveries), bytes received. A
/// share without a denominator shows as "—".
HtmlTable live_provider_table(const LiveSummary& live);

/// One row per provider and reply key that deferred or bounced mail: provider, outcome (deferral, bounce),
/// reply, count and its share of the provider's replies about mail; providers in order, deferrals first,
/// most frequent first (ties by reply key). No rows when nothing was deferred or bounced.
HtmlTable live_reply_table(const LiveSummary& live);

/// Per provider and identity: kind, id, final tier (tier colour), final score.
HtmlTable live_identity_table(const LiveSummary& live);

}  // namespace delivsim::report
