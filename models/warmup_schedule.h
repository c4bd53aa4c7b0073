#pragma once
/// @file Daily caps for a warming IP, per provider (SendGrid-style table or a doubling rule, seed 001).
#include <cstdint>
#include <optional>
#include <vector>

namespace delivsim {

struct WarmupSchedule {
  enum class Kind { None, Table, Rule };
  Kind kind = Kind::None;
  /// Table: messages allowed on day 0, 1, 2, ...; after the last day the last value holds.
  std::vector<std::int64_t> table;
  /// Rule: cap(day) = min(ceiling, start * multiplier^floor(day / every_days)).
  std::int64_t start = 0;
  double multiplier = 2.0;
  int every_days = 1;
  std::int64_t ceiling = 0;
  /// Hourly: at most ceil(cap / 24) in any clock hour as well (SendGrid's hourly caps), so a day's
  /// allowance is not sent in one burst. Daily: only the daily cap.
  bool spread_hourly = true;

  friend bool operator==(const WarmupSchedule&, const WarmupSchedule&) = default;
};

/// Messages the IP may hand to the provider on day `day_index` (0 = the scenario's first day);
/// nullopt when the schedule sets no cap (Kind::None).
std::optional<std::int64_t> daily_cap(const WarmupSchedule& schedule, int day_index);

}  // namespace delivsim
