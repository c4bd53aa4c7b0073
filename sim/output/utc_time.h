#pragma once
/// @file UTC timestamps for the writers, by calendar arithmetic only (no locale or time zone functions).
#include <chrono>
#include <string>
#include <string_view>

#include "models/units.h"

namespace delivsim {

/// A point in real (UTC) time at simulated-time precision: milliseconds since the Unix epoch.
using UtcTime = std::chrono::sys_time<Duration>;

/// Parses "YYYY-MM-DDTHH:MM:SSZ" (the form of Scenario::start_date). Throws std::invalid_argument naming
/// the text when it has another form or is not a real date and time of day.
UtcTime parse_utc_timestamp(std::string_view text);

/// "YYYY-MM-DDTHH:MM:SS.mmmZ", e.g. "2026-01-05T00:15:00.250Z".
std::string format_utc_timestamp_ms(UtcTime time);

}  // namespace delivsim
