#pragma once
/// @file KumoMTA's value syntax in shaping files (throttle specs "100/min", durations "2 hours", limits
/// "local:5") read and rewritten in delivsim's scenario syntax ("100/m", "2h", 5).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace delivsim {

/// A KumoMTA throttle spec (`max_message_rate`, `max_connection_rate`, `source_selection_rate`, a
/// Threshold trigger): "[local:]N/period[,max_burst=B]", N a whole number > 0 that may contain `_` or `,`
/// between digits, period s|sec|second, m|min|minute, h|hr|hour, d|day (Kumo crates/throttle/src/lib.rs).
struct KumoThrottle {
  std::int64_t count = 0;                 ///< N
  std::int64_t period_s = 0;              ///< 1, 60, 3600 or 86400 seconds
  bool local = false;                     ///< "local:": this node only, not shared through Redis
  std::optional<std::int64_t> max_burst;  ///< GCRA burst size; Kumo's default is N
};

/// Reads a throttle spec. Throws std::invalid_argument saying what is wrong.
KumoThrottle parse_kumo_throttle(std::string_view text);

/// The throttle as a delivsim rate, exactly: "100/m", "10000/h", "1/s", "50/d".
std::string rate_text(const KumoThrottle& throttle);

/// Reads a KumoMTA duration as Kumo's duration_serde does (humantime): one or more "<number><unit>" parts,
/// spaces allowed, units ms|msec, s|sec|secs|second|seconds, m|min|mins|minute|minutes, h|hr|hrs|hour|hours,
/// d|day|days, w|week|weeks. Months and years are refused (their length is not whole days). Returns
/// milliseconds > 0. Throws std::invalid_argument saying what is wrong.
std::int64_t parse_kumo_duration_ms(std::string_view text);

/// A connection limit: a whole number, or Kumo's string form with `_`/`,` between digits and an optional
/// "local:" prefix (connection_limit, provider_connection_limit).
struct KumoLimit {
  std::int64_t count = 0;  ///< >= 1
  bool local = false;      ///< "local:": this node only, not shared through Redis
};

/// Reads a limit written as text. Throws std::invalid_argument saying what is wrong.
KumoLimit parse_kumo_limit(std::string_view text);

}  // namespace delivsim
