#include "sim/scenario/units_parse.h"

#include <array>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>

#include "sim/yaml/scenario_error.h"

namespace delivsim {

namespace {

struct DurationUnit {
  std::string_view symbol;
  std::int64_t milliseconds;
};

// Largest first: a compound duration must use them in this order.
constexpr std::array<DurationUnit, 6> kDurationUnits{{
    {"w", 7 * 24 * 3600 * 1000LL},
    {"d", 24 * 3600 * 1000LL},
    {"h", 3600 * 1000LL},
    {"m", 60 * 1000LL},
    {"s", 1000LL},
    {"ms", 1LL},
}};

struct RateUnit {
  std::string_view symbol;
  double seconds;
};

constexpr std::array<RateUnit, 5> kRateUnits{{
    {"s", 1.0},
    {"m", 60.0},
    {"min", 60.0},
    {"h", 3600.0},
    {"d", 86400.0},
}};

[[noreturn]] void reject(std::string_view text, const std::string& problem) {
  throw std::invalid_argument(quote_value(std::string(text)) + " " + problem);
}

bool is_digit(char c) {
  return std::isdigit(static_cast<unsigned char>(c)) != 0;
}
bool is_letter(char c) {
  return std::isalpha(static_cast<unsigned char>(c)) != 0;
}

std::size_t scan(std::string_view text, std::size_t from, bool (*accept)(char)) {
  while (from < text.size() && accept(text[from])) ++from;
  return from;
}

std::optional<std::size_t> duration_unit_index(std::string_view symbol) {
  for (std::size_t i = 0; i < kDurationUnits.size(); ++i) {
    if (kDurationUnits[i].symbol == symbol) return i;
  }
  return std::nullopt;
}

}  // namespace

Duration parse_duration(std::string_view text) {
  if (text.empty()) reject(text, "is empty");
  if (text == "0") return Duration{0};
  if (text.front() == '-') reject(text, "is negative");

  std::int64_t total_ms = 0;
  std::size_t next_allowed_unit = 0;  // index into kDurationUnits: units must shrink left to right
  std::size_t position = 0;
  while (position < text.size()) {
    const std::size_t digits_end = scan(text, position, is_digit);
    if (digits_end == position) reject(text, "is not a duration (a number must come before each unit)");
    if (digits_end < text.size() && text[digits_end] == '.') reject(text, "is not a whole number of units");
    std::int64_t amount = 0;
    const auto [end, error] = std::from_chars(text.data() + position, text.data() + digits_end, amount);
    if (error == std::errc::result_out_of_range) reject(text, "is too large");

    const std::size_t unit_end = scan(text, digits_end, is_letter);
    const std::string_view symbol = text.substr(digits_end, unit_end - digits_end);
    if (symbol.empty()) reject(text, "has no unit");
    const auto unit = duration_unit_index(symbol);
    if (!unit) reject(text, "has an unknown unit " + quote_value(symbol) + " (units: w, d, h, m, s, ms)");
    if (*unit < next_allowed_unit) reject(text, "repeats a unit or puts a smaller unit before a larger one");
    next_allowed_unit = *unit + 1;

    const std::int64_t unit_ms = kDurationUnits[*unit].milliseconds;
    constexpr std::int64_t kMax = kLongestSpan.count();
    if (amount > (kMax - total_ms) / unit_ms) {
      reject(text, "is too large (over 2^62 milliseconds, about 146 million years)");
    }
    total_ms += amount * unit_ms;
    position = unit_end;
  }
  return Duration{total_ms};
}

Rate parse_rate(std::string_view text) {
  const std::size_t slash = text.find('/');
  if (slash == std::string_view::npos) reject(text, "is not a rate (no '/unit')");
  const std::string_view count_text = text.substr(0, slash);
  const std::string_view symbol = text.substr(slash + 1);

  double count = 0.0;
  const auto [end, error] = std::from_chars(count_text.data(), count_text.data() + count_text.size(), count);
  if (error == std::errc::result_out_of_range)
    reject(text, "has a count out of range (too large or too small)");
  if (error != std::errc{} || end != count_text.data() + count_text.size()) {
    reject(text, "does not start with a number");
  }
  if (!std::isfinite(count)) reject(text, "has a count that is not finite");
  if (count < 0.0) reject(text, "is negative");
  if (count == 0.0) reject(text, "is zero");

  for (const RateUnit& unit : kRateUnits) {
    if (unit.symbol != symbol) continue;
    const Rate rate{count / unit.seconds};
    // One event every 1000 / per_second ms, which must be a span simulated time can take.
    if (!(1000.0 / rate.per_second <= static_cast<double>(kLongestSpan.count()))) {
      reject(text,
             "is too slow: its period (1 / rate) is over 2^62 milliseconds (about 146 million years); a rate "
             "must be at least about 2.2e-16/s");
    }
    return rate;
  }
  reject(text, "has an unknown unit " + quote_value(symbol) + " (units: s, m or min, h, d)");
}

std::string duration_text(Duration duration) {
  static constexpr std::array<std::pair<std::int64_t, std::string_view>, 5> kUnits = {
      {{86'400'000, "d"}, {3'600'000, "h"}, {60'000, "m"}, {1'000, "s"}, {1, "ms"}}};
  std::int64_t left = duration.count();
  if (left == 0) return "0";
  std::string text;
  for (const auto& [unit_ms, unit] : kUnits) {
    if (left >= unit_ms) {
      text += std::to_string(left / unit_ms) + std::string(unit);
      left %= unit_ms;
    }
  }
  return text;
}

}  // namespace delivsim
