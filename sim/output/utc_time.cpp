#include "sim/output/utc_time.h"

#include <array>
#include <cctype>
#include <charconv>
#include <cstdio>
#include <stdexcept>

namespace delivsim {

namespace {

constexpr std::string_view kTimestampPattern = "dddd-dd-ddTdd:dd:ddZ";

bool matches_pattern(std::string_view text) {
  if (text.size() != kTimestampPattern.size()) return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const bool want_digit = kTimestampPattern[i] == 'd';
    const bool is_digit = std::isdigit(static_cast<unsigned char>(text[i])) != 0;
    if (want_digit ? !is_digit : text[i] != kTimestampPattern[i]) return false;
  }
  return true;
}

/// The number in text[offset, offset+length); the caller has checked that those are digits.
int digits_at(std::string_view text, std::size_t offset, std::size_t length) {
  int value = 0;
  std::from_chars(text.data() + offset, text.data() + offset + length, value);
  return value;
}

}  // namespace

UtcTime parse_utc_timestamp(std::string_view text) {
  const auto invalid = [&] {
    return std::invalid_argument("'" + std::string(text) +
                                 "' is not a UTC timestamp of the form YYYY-MM-DDTHH:MM:SSZ");
  };
  if (!matches_pattern(text)) throw invalid();
  const std::chrono::year_month_day date{std::chrono::year{digits_at(text, 0, 4)},
                                         std::chrono::month{static_cast<unsigned>(digits_at(text, 5, 2))},
                                         std::chrono::day{static_cast<unsigned>(digits_at(text, 8, 2))}};
  const int hours = digits_at(text, 11, 2);
  const int minutes = digits_at(text, 14, 2);
  const int seconds = digits_at(text, 17, 2);
  if (!date.ok() || hours > 23 || minutes > 59 || seconds > 59) throw invalid();
  return std::chrono::sys_days{date} + std::chrono::hours{hours} + std::chrono::minutes{minutes} +
         std::chrono::seconds{seconds};
}

std::string format_utc_timestamp_ms(UtcTime time) {
  const auto day_start = std::chrono::floor<std::chrono::days>(time);
  const std::chrono::year_month_day date{day_start};
  const std::chrono::hh_mm_ss<Duration> time_of_day{time - day_start};
  std::array<char, 40> buffer{};
  const int length = std::snprintf(
      buffer.data(), buffer.size(), "%04d-%02u-%02uT%02d:%02d:%02d.%03dZ", static_cast<int>(date.year()),
      static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()),
      static_cast<int>(time_of_day.hours().count()), static_cast<int>(time_of_day.minutes().count()),
      static_cast<int>(time_of_day.seconds().count()), static_cast<int>(time_of_day.subseconds().count()));
  return std::string(buffer.data(), static_cast<std::size_t>(length));
}

}  // namespace delivsim
