#pragma once
/// @file `delivsim log stats --json`: the figures as one JSON document (schema in docs/log-stats.md).
#include <optional>
#include <string>

#include "sim/acctlog/log_stats.h"

namespace delivsim {

/// The schema version written as `schema_version`; raised when a key changes meaning or goes.
inline constexpr int kLogStatsSchemaVersion = 1;

/// `result` as JSON (two-space indent, "\n" at the end), keys in a fixed order, doubles rounded to
/// kWrittenSignificantDigits as summary.json's; `from` and `until` are the window asked for (null: none).
std::string log_stats_json(const acctlog::LogStatsResult& result, std::optional<acctlog::UnixMs> from,
                           std::optional<acctlog::UnixMs> until);

}  // namespace delivsim
