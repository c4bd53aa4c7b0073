#include "sim/import/kumomta_values.h"

#include <array>
#include <cctype>
#include <limits>
#include <stdexcept>
#include <utility>

#include "sim/yaml/scenario_error.h"

namespace delivsim {
namespace {

[[noreturn]] void bad(std::string_view text, const std::string& why) {
  throw std::invalid_argument(quote_value(text) + ": " + why);
}

/// Digits with optional `_` or `,` between them, as a whole number >= 1 (Kumo strips both separators).
std::int64_t read_count(std::string_view whole, std::string_view digits) {
  std::int64_t value = 0;
  bool any = false;
  for (const char c : digits) {
    if (c == '_' || c == ',') continue;
    if (std::isdigit(static_cast<unsigned char>(c)) == 0) bad(whole, "the count is not a whole number");
    const int digit = c - '0';
    if (value > (std::numeric_limits<std::int64_t>::max() - digit) / 10) bad(whole, "the count is too large");
    value = value * 10 + digit;
    any = true;
  }
  if (!any) bad(whole, "the count is missing");
  if (value == 0) bad(whole, "the count must be greater than 0");
  return value;
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  return text;
}

}  // namespace

KumoThrottle parse_kumo_throttle(std::string_view text) {
  KumoThrottle throttle;
  std::string_view rest = trim(text);
  if (rest.starts_with("local:")) {
    throttle.local = true;
    rest.remove_prefix(6);
  }
  const std::size_t comma_burst = rest.find(",max_burst=");
  if (comma_burst != std::string_view::npos) {
    throttle.max_burst = read_count(text, rest.substr(comma_burst + 11));
    rest = rest.substr(0, comma_burst);
  }
  const std::size_t slash = rest.find('/');
  if (slash == std::string_view::npos) bad(text, "not of the form N/period");
  throttle.count = read_count(text, trim(rest.substr(0, slash)));
  const std::string_view period = trim(rest.substr(slash + 1));
  if (period == "s" || period == "sec" || period == "second") {
    throttle.period_s = 1;
  } else if (period == "m" || period == "min" || period == "minute") {
    throttle.period_s = 60;
  } else if (period == "h" || period == "hr" || period == "hour") {
    throttle.period_s = 3600;
  } else if (period == "d" || period == "day") {
    throttle.period_s = 86400;
  } else {
    bad(text, "unknown period " + quote_value(period));
  }
  return throttle;
}

std::string rate_text(const KumoThrottle& throttle) {
  const char* unit = throttle.period_s == 1      ? "s"
                     : throttle.period_s == 60   ? "m"
                     : throttle.period_s == 3600 ? "h"
                                                 : "d";
  return std::to_string(throttle.count) + "/" + unit;
}

std::int64_t parse_kumo_duration_ms(std::string_view text) {
  static constexpr std::array<std::pair<std::string_view, std::int64_t>, 23> kUnits = {
      {{"ms", 1},
       {"msec", 1},
       {"s", 1000},
       {"sec", 1000},
       {"secs", 1000},
       {"second", 1000},
       {"seconds", 1000},
       {"m", 60'000},
       {"min", 60'000},
       {"mins", 60'000},
       {"minute", 60'000},
       {"minutes", 60'000},
       {"h", 3'600'000},
       {"hr", 3'600'000},
       {"hrs", 3'600'000},
       {"hour", 3'600'000},
       {"hours", 3'600'000},
       {"d", 86'400'000},
       {"day", 86'400'000},
       {"days", 86'400'000},
       {"w", 604'800'000},
       {"week", 604'800'000},
       {"weeks", 604'800'000}}};
  // The longest duration a scenario takes (2^62 ms); anything longer cannot be written back.
  constexpr std::int64_t kLongestMs = std::int64_t{1} << 62;
  std::string_view rest = trim(text);
  if (rest.empty()) bad(text, "empty");
  std::int64_t total = 0;
  while (!rest.empty()) {
    std::size_t digits = 0;
    while (digits < rest.size() && std::isdigit(static_cast<unsigned char>(rest[digits])) != 0) ++digits;
    if (digits == 0) bad(text, "expected a number");
    if (digits > 18) bad(text, "the number is too large");
    const std::int64_t amount = std::stoll(std::string(rest.substr(0, digits)));
    rest = trim(rest.substr(digits));
    std::size_t letters = 0;
    while (letters < rest.size() && std::isalpha(static_cast<unsigned char>(rest[letters])) != 0) ++letters;
    const std::string_view unit = rest.substr(0, letters);
    if (unit.empty()) bad(text, "a number without a unit");
    if (unit == "M" || unit.starts_with("month") || unit == "y" || unit.starts_with("year"))
      bad(text, "months and years are not whole days");
    std::int64_t unit_ms = 0;
    for (const auto& [name, ms] : kUnits)
      if (name == unit) unit_ms = ms;
    if (unit_ms == 0) bad(text, "unknown unit " + quote_value(unit));
    if (amount > (kLongestMs - total) / unit_ms) bad(text, "too long");
    total += amount * unit_ms;
    rest = trim(rest.substr(letters));
  }
  if (total == 0) bad(text, "must be greater than 0");
  return total;
}

KumoLimit parse_kumo_limit(std::string_view text) {
  KumoLimit limit;
  std::string_view rest = trim(text);
  if (rest.starts_with("local:")) {
    limit.local = true;
    rest.remove_prefix(6);
  }
  limit.count = read_count(text, trim(rest));
  return limit;
}

}  // namespace delivsim
