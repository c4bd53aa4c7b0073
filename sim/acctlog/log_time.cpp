#include "sim/acctlog/log_time.h"

#include <chrono>

namespace delivsim::acctlog {

namespace {

/// Reads exactly `count` digits at `at` into `value`, advancing `at`.
bool digits(std::string_view text, std::size_t& at, std::size_t count, int& value) {
  if (at + count > text.size()) return false;
  value = 0;
  for (std::size_t i = 0; i < count; ++i) {
    const char c = text[at + i];
    if (c < '0' || c > '9') return false;
    value = value * 10 + (c - '0');
  }
  at += count;
  return true;
}

bool literal(std::string_view text, std::size_t& at, char c) {
  if (at >= text.size() || text[at] != c) return false;
  ++at;
  return true;
}

std::optional<UnixMs> unix_seconds(std::string_view text) {
  constexpr std::size_t kMaxDigits = 11;  // up to year 5138; years past 9999 are refused below anyway
  if (text.empty() || text.size() > kMaxDigits) return std::nullopt;
  std::int64_t seconds = 0;
  for (const char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    seconds = seconds * 10 + (c - '0');
  }
  return seconds * 1000;
}

/// The zone at `at` to the end: "Z", "+HHMM", "-HHMM", "+HH:MM", "-HH:MM", as minutes east of UTC.
std::optional<int> zone_minutes(std::string_view text, std::size_t at) {
  if (at + 1 == text.size() && text[at] == 'Z') return 0;
  if (at >= text.size() || (text[at] != '+' && text[at] != '-')) return std::nullopt;
  const int sign = text[at] == '-' ? -1 : 1;
  ++at;
  int hours = 0, minutes = 0;
  if (!digits(text, at, 2, hours)) return std::nullopt;
  literal(text, at, ':');
  if (!digits(text, at, 2, minutes) || at != text.size() || hours > 23 || minutes > 59) return std::nullopt;
  return sign * (hours * 60 + minutes);
}

}  // namespace

std::optional<UnixMs> parse_log_time(std::string_view text) {
  if (text.find('-') == std::string_view::npos) return unix_seconds(text);
  std::size_t at = 0;
  int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
  if (!digits(text, at, 4, year) || !literal(text, at, '-') || !digits(text, at, 2, month) ||
      !literal(text, at, '-') || !digits(text, at, 2, day)) {
    return std::nullopt;
  }
  if (!literal(text, at, 'T') && !literal(text, at, ' ')) return std::nullopt;
  if (!digits(text, at, 2, hour) || !literal(text, at, ':') || !digits(text, at, 2, minute) ||
      !literal(text, at, ':') || !digits(text, at, 2, second)) {
    return std::nullopt;
  }
  int millis = 0;
  if (literal(text, at, '.')) {
    const std::size_t start = at;
    int scale = 100;
    while (at < text.size() && text[at] >= '0' && text[at] <= '9') {
      millis += (text[at] - '0') * scale;
      scale /= 10;
      ++at;
    }
    if (at == start) return std::nullopt;
  }
  const std::optional<int> zone = zone_minutes(text, at);
  const std::chrono::year_month_day date{std::chrono::year(year),
                                         std::chrono::month(static_cast<unsigned>(month)),
                                         std::chrono::day(static_cast<unsigned>(day))};
  if (!zone || year < 1970 || !date.ok() || hour > 23 || minute > 59 || second > 59) return std::nullopt;
  const std::int64_t days = std::chrono::sys_days(date).time_since_epoch().count();
  const std::int64_t seconds = days * 86400 + hour * 3600 + minute * 60 + second - std::int64_t{*zone} * 60;
  return seconds * 1000 + millis;
}

}  // namespace delivsim::acctlog
