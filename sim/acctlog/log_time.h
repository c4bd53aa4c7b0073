#pragma once
/// @file Times as accounting logs write them, read as milliseconds since the Unix epoch (UTC).
#include <cstdint>
#include <optional>
#include <string_view>

namespace delivsim::acctlog {

/// Milliseconds since 1970-01-01T00:00:00Z.
using UnixMs = std::int64_t;

/// Reads `text` as one of:
/// - ISO 8601 as delivsim writes it: "2026-01-05T00:15:00.250Z";
/// - PowerMTA's CSV form: "2026-01-15 00:00:01-0500" (date, a space or "T", time, then the UTC offset);
///   the zone is "Z", "+HHMM", "-HHMM", "+HH:MM" or "-HH:MM"; seconds may carry a fraction (digits past
///   milliseconds are dropped);
/// - a Unix time_t in whole seconds, "1178807903" (PowerMTA's older default).
/// A date-time without a zone is refused (its zone would be a guess). nullopt when `text` is none of these
/// or not a real date and time of day (years 1970-9999).
std::optional<UnixMs> parse_log_time(std::string_view text);

/// The one-line description of the forms parse_log_time() reads, for error messages.
inline constexpr std::string_view kLogTimeForms =
    "a time such as 2026-01-15T05:00:01.250Z, 2026-01-15 00:00:01-0500 or 1768453201 (Unix seconds)";

}  // namespace delivsim::acctlog
