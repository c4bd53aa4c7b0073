#include "models/warmup_schedule.h"

#include <algorithm>
#include <cmath>

namespace delivsim {

namespace {

// An empty table sets no cap (the scenario parser rejects one; this keeps the function total).
std::optional<std::int64_t> table_cap(const std::vector<std::int64_t>& table, int day_index) {
  if (table.empty()) return std::nullopt;
  const auto day = static_cast<std::size_t>(std::max(0, day_index));
  return table[std::min(day, table.size() - 1)];
}

std::int64_t rule_cap(const WarmupSchedule& schedule, int day_index) {
  const int steps = std::max(0, day_index) / std::max(1, schedule.every_days);
  const auto ceiling = static_cast<double>(schedule.ceiling);
  // Multiply step by step and stop at the ceiling, so that a long scenario cannot overflow.
  double cap = static_cast<double>(schedule.start);
  for (int step = 0; step < steps && cap < ceiling; ++step) cap *= schedule.multiplier;
  // The ceiling itself, not its double, once reached: a ceiling near 2^63 does not survive the round trip.
  return cap >= ceiling ? schedule.ceiling : std::llround(cap);
}

}  // namespace

std::optional<std::int64_t> daily_cap(const WarmupSchedule& schedule, int day_index) {
  switch (schedule.kind) {
    case WarmupSchedule::Kind::None:
      return std::nullopt;
    case WarmupSchedule::Kind::Table:
      return table_cap(schedule.table, day_index);
    case WarmupSchedule::Kind::Rule:
      return rule_cap(schedule, day_index);
  }
  return std::nullopt;
}

}  // namespace delivsim
