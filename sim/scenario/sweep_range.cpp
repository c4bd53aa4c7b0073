#include "sim/scenario/sweep_range.h"

#include <array>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <optional>
#include <stdexcept>
#include <utility>

#include "sim/scenario/units_parse.h"
#include "sim/yaml/scenario_error.h"

namespace delivsim {

namespace {

constexpr std::string_view kExpected = "numbers, or durations such as 15m or 2h (all three of one kind)";

/// The number a plain scalar holds, or nullopt when it is not a finite number written without quotes.
std::optional<double> plain_number(const YamlNode& node) {
  if (node.kind != YamlNode::Kind::Scalar || node.quoted) return std::nullopt;
  const std::string& text = node.scalar;
  double value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc{} || end != text.data() + text.size() || !std::isfinite(value)) return std::nullopt;
  return value;
}

Duration read_range_duration(const Field& field) {
  const std::string text = read_text(field, std::string(kExpected));
  try {
    return parse_duration(text);
  } catch (const std::invalid_argument& error) {
    if (plain_number(field.node())) {
      field.fail(quote_value(text) + " is a number but another bound is a duration", std::string(kExpected));
    }
    field.fail(error.what(), std::string(kExpected));
  }
}

std::string number_text(double value) {
  std::array<char, 32> buffer{};
  std::snprintf(buffer.data(), buffer.size(), "%.15g", value);
  return buffer.data();
}

void require_count(const Field& range, double count, std::size_t max_values) {
  if (count > static_cast<double>(max_values)) {
    range.fail("gives " + number_text(std::floor(count)) + " values",
               "at most " + std::to_string(max_values) + " values (a larger step, or a smaller span)");
  }
}

/// The three bounds as read, with their fields for messages.
struct RangeFields {
  Field from, to, step;
};

std::vector<std::string> expand_numbers(const RangeFields& fields, const Field& range, double from, double to,
                                        double step, std::size_t max_values) {
  if (to < from) fields.to.fail(quote_value(fields.to.node().scalar) + " is below from", "to >= from");
  if (step <= 0)
    fields.step.fail(quote_value(fields.step.node().scalar) + " is not above zero", "a step > 0");
  // The tolerance lets a step that lands on `to` up to rounding (0.1 + 2 * 0.1) include it.
  const double steps = std::floor((to - from) / step + 1e-9);
  require_count(range, steps + 1, max_values);
  std::vector<std::string> values;
  for (int i = 0; i <= static_cast<int>(steps); ++i) values.push_back(number_text(from + i * step));
  return values;
}

std::vector<std::string> expand_durations(const RangeFields& fields, const Field& range,
                                          std::size_t max_values) {
  const Duration from = read_range_duration(fields.from);
  const Duration to = read_range_duration(fields.to);
  const Duration step = read_range_duration(fields.step);
  if (to < from) fields.to.fail(quote_value(fields.to.node().scalar) + " is before from", "to >= from");
  if (step <= Duration{0})
    fields.step.fail(quote_value(fields.step.node().scalar) + " is zero", "a step > 0");
  const auto steps = (to - from) / step;
  require_count(range, static_cast<double>(steps) + 1, max_values);
  std::vector<std::string> values;
  for (std::int64_t i = 0; i <= steps; ++i) values.push_back(duration_text(from + i * step));
  return values;
}

}  // namespace

std::vector<std::string> expand_range(const Field& range, std::size_t max_values) {
  const MapReader reader(range, {"from", "to", "step"});
  const RangeFields fields{reader.need("from", kExpected), reader.need("to", kExpected),
                           reader.need("step", kExpected)};
  const auto from = plain_number(fields.from.node());
  const auto to = plain_number(fields.to.node());
  const auto step = plain_number(fields.step.node());
  if (from && to && step) return expand_numbers(fields, range, *from, *to, *step, max_values);
  return expand_durations(fields, range, max_values);
}

}  // namespace delivsim
