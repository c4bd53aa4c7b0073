#pragma once
/// @file What `delivsim serve` reports while it runs and when it stops: summary.json (the live receiver's
/// counts per provider and each identity's standing with it) and the same counters in the Prometheus text
/// exposition format for the metrics endpoint.
#include <string>

#include "sim/live/live_receiver.h"

namespace delivsim {

/// summary.json of a live run: {"mode": "live", "scenario", "start_date", "time_scale", "model_time_s",
/// "unknown_clients", "providers": [{name, profile, connections, ..., deferrals_by_reply, bounces_by_reply,
/// identities: [{kind, id, score, tier}], thresholds}]} (thresholds as a run's summary.json writes them).
std::string live_summary_json(const LiveReceiver& live, double time_scale);

/// The counters as Prometheus metrics (`delivsim_live_*`, one series per provider and reply key).
std::string live_prometheus_text(const LiveReceiver& live);

}  // namespace delivsim
