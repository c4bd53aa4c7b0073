#include "sim/import/time_scale.h"

#include <cstdio>
#include <numeric>
#include <stdexcept>

namespace delivsim {

namespace {

constexpr int kMaxFractionDigits = 6;
// The largest K of kTimeScaleSyntax (the smallest, 0.000001, is what 6 digits after the point can write).
constexpr std::int64_t kMaxScale = 1'000'000'000;

std::int64_t checked_product(std::int64_t a, std::int64_t b) {
  std::int64_t product = 0;
  if (__builtin_mul_overflow(a, b, &product)) throw std::overflow_error("too large to scale");
  return product;
}

Fraction reduced(std::int64_t numerator, std::int64_t denominator) {
  const std::int64_t divisor = std::gcd(numerator, denominator);
  return divisor == 0 ? Fraction{0, 1} : Fraction{numerator / divisor, denominator / divisor};
}

std::string number_text(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.6g", value);
  return text;
}

}  // namespace

TimeScale parse_time_scale(std::string_view text) {
  const auto bad = [](const char* why) { throw std::invalid_argument(why); };
  std::int64_t numerator = 0, denominator = 1;
  bool point = false, digits = false;
  int fraction_digits = 0;
  for (const char c : text) {
    if (c == '.' && !point) {
      point = true;
      continue;
    }
    if (c < '0' || c > '9') bad("not a decimal number");
    digits = true;
    if (point) {
      if (++fraction_digits > kMaxFractionDigits) bad("too many digits after the point");
      denominator *= 10;
    }
    numerator = numerator * 10 + (c - '0');
    if (numerator > kMaxScale * denominator) bad("above 1000000000");
  }
  if (!digits) bad("not a decimal number");
  if (numerator == 0) bad("not above 0");
  const Fraction k = reduced(numerator, denominator);
  return TimeScale{k.numerator, k.denominator, std::string(text)};
}

Fraction divided_by_scale(std::int64_t amount, const TimeScale& scale) {
  return reduced(checked_product(amount, scale.denominator), scale.numerator);
}

Fraction multiplied_by_scale(std::int64_t amount, const TimeScale& scale) {
  return reduced(checked_product(amount, scale.numerator), scale.denominator);
}

Fraction times(const Fraction& fraction, std::int64_t factor) {
  const std::int64_t divisor = std::gcd(factor, fraction.denominator);
  return reduced(checked_product(fraction.numerator, factor / divisor), fraction.denominator / divisor);
}

std::int64_t nearest_whole_at_least_one(const Fraction& fraction) {
  const std::int64_t whole = fraction.numerator / fraction.denominator;
  const std::int64_t rest = fraction.numerator % fraction.denominator;
  const std::int64_t nearest = whole + (2 * rest >= fraction.denominator ? 1 : 0);
  return fraction.numerator > 0 && nearest == 0 ? 1 : nearest;
}

std::string whole_unit_text(std::int64_t amount, std::span<const TimeUnit> units) {
  for (const TimeUnit& unit : units) {
    if (amount > 0 && amount % unit.size == 0)
      return std::to_string(amount / unit.size) + std::string(unit.symbol);
  }
  return "0" + std::string(units.back().symbol);
}

std::string rounding_warning(std::string_view old_text, double exact, std::string_view unit,
                             std::string_view new_text, std::string_view why, double effective_scale,
                             const TimeScale& scale) {
  return std::string(old_text) + " at time scale " + scale.text + " is " + number_text(exact) +
         std::string(unit) + "; written as " + std::string(new_text) + " (" + std::string(why) +
         "), so this value runs at time scale " + number_text(effective_scale) + " instead of " + scale.text;
}

}  // namespace delivsim
