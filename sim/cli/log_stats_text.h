#pragma once
/// @file `delivsim log stats`: the figures as text tables for the terminal.
#include <string>

#include "sim/acctlog/log_stats.h"

namespace delivsim {

/// `result` as text: what was read, the hourly alerts (domain, hour, share, level), each domain's counts,
/// deferrals and bounces by reply, bounces by category and delivery latency. Deterministic.
std::string log_stats_text(const acctlog::LogStatsResult& result);

}  // namespace delivsim
