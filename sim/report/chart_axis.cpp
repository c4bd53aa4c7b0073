#include "sim/report/chart_axis.h"

#include <cmath>

#include "sim/output/days_axis.h"
#include "sim/output/number_format.h"

namespace delivsim::report {

namespace {

constexpr int kMaxValueTicks = 6;

/// The smallest step of 1, 2, 2.5 or 5 times a power of ten giving at most kMaxValueTicks intervals.
double nice_step(double span) {
  const double rough = span / kMaxValueTicks;
  const double power = std::pow(10.0, std::floor(std::log10(rough)));
  for (const double factor : {1.0, 2.0, 2.5, 5.0, 10.0}) {
    if (factor * power >= rough) return factor * power;
  }
  return 10 * power;
}

std::string tick_label(double value, double step) {
  if (step >= 1 && step == std::floor(step))
    return format_count(static_cast<std::int64_t>(std::llround(value)));
  return format_significant(value, 3);
}

}  // namespace

ChartAxis value_axis(std::string title, double max_value, double min_value) {
  if (!std::isfinite(max_value) || !std::isfinite(min_value) || max_value <= min_value) {
    max_value = min_value + 1;
  }
  const double step = nice_step(max_value - min_value);
  ChartAxis axis{std::move(title), std::floor(min_value / step) * step, 0, {}};
  const long intervals = std::lround(std::ceil((max_value - axis.min) / step - 1e-9));
  axis.max = axis.min + static_cast<double>(intervals) * step;
  for (long i = 0; i <= intervals; ++i) {
    const double at = axis.min + static_cast<double>(i) * step;
    axis.ticks.push_back({at, tick_label(std::abs(at) < step * 1e-9 ? 0.0 : at, step)});
  }
  return axis;
}

ChartAxis category_axis(std::string title, const std::vector<std::string>& labels) {
  ChartAxis axis{std::move(title), -0.5, static_cast<double>(labels.size()) - 0.5, {}};
  for (std::size_t i = 0; i < labels.size(); ++i) axis.ticks.push_back({static_cast<double>(i), labels[i]});
  return axis;
}

ValueScale figure_value_scale(const std::string& key, double high) {
  if (!key.ends_with("_s")) return {};
  if (high > 2 * 86400.0) return {86400, " (days)"};
  if (high > 2 * 3600.0) return {3600, " (hours)"};
  return {1, " (seconds)"};
}

TimeAxis time_axis(double span_s) {
  const bool days = time_axis_in_days(span_s);
  TimeAxis time{days ? 86400.0 : 3600.0, {days ? "Time (days)" : "Time (hours)", 0, 0, {}}};
  const double span = std::max(time.at(span_s), days ? 0.25 : 1.0);
  time.axis.max = span;
  const double step = time_tick_step(span, days);
  for (double at = 0; at <= span + 1e-9; at += step) {
    time.axis.ticks.push_back({at, format_significant(at, 4)});
  }
  return time;
}

}  // namespace delivsim::report
