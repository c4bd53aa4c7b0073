#include "sim/output/number_format.h"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace delivsim {

namespace {

/// std::to_chars into a string: locale-independent, unlike printf. 512 characters hold any double, even
/// 1e308 in fixed notation, at the precisions the writers use.
template <typename... Format>
std::string to_chars_string(double value, Format... format) {
  char buffer[512];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value, format...);
  return std::string(buffer, result.ptr);
}

/// `number` ("-1234567.5", as to_string or format_fixed write it) with a comma between each group of three
/// digits of its whole part: "-1,234,567.5".
std::string with_thousands_separators(std::string number) {
  const std::size_t digits_start = number.starts_with('-') ? 1 : 0;
  const std::size_t whole_end = std::min(number.find('.'), number.size());
  for (std::size_t at = whole_end; at > digits_start + 3; at -= 3) number.insert(at - 3, 1, ',');
  return number;
}

}  // namespace

double round_significant(double value, int digits) {
  if (!std::isfinite(value)) return value;
  // Printing and reading back gives the double nearest to the decimal rounding, exactly as it is written.
  const std::string text = format_significant(value, digits);
  double rounded = value;
  std::from_chars(text.data(), text.data() + text.size(), rounded);
  return rounded;
}

std::string format_significant(double value, int digits) {
  return to_chars_string(value, std::chars_format::general, digits);
}

std::string format_fixed(double value, int decimals) {
  return to_chars_string(value, std::chars_format::fixed, decimals);
}

std::string format_count(std::int64_t value) {
  return with_thousands_separators(std::to_string(value));
}

std::string format_count_noun(std::int64_t count, std::string_view one, std::string_view many) {
  std::string text = format_count(count) + " ";
  text += count == 1 ? one : many;
  return text;
}

std::string format_percent(double ratio, int decimals) {
  return format_fixed(ratio * 100.0, decimals) + "%";
}

std::string format_fixed_grouped(double value, int decimals) {
  return with_thousands_separators(format_fixed(value, decimals));
}

}  // namespace delivsim
