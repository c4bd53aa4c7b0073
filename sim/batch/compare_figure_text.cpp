#include "sim/batch/compare_figure_text.h"

#include <cmath>

#include "models/tier.h"
#include "sim/kernel/ascii.h"
#include "sim/output/duration_format.h"
#include "sim/output/number_format.h"

namespace delivsim {

namespace {

constexpr int kPercentDecimals = 1;
constexpr int kTierMeanDecimals = 2;
/// Count differences below this are shown with one decimal, larger ones rounded.
constexpr double kSmallCountDifference = 10;

}  // namespace

std::string figure_in_words(const HeadlineFigure& figure) {
  return kernel::ascii_lower(figure_heading(figure));
}

std::string format_figure_value(const HeadlineFigure& figure, std::optional<double> value) {
  if (!value) return figure.unit == FigureUnit::Drain ? "not drained" : "-";
  switch (figure.unit) {
    case FigureUnit::Share:
      return format_percent(*value, kPercentDecimals);
    case FigureUnit::Drain:
      return format_elapsed(*value);
    case FigureUnit::Latency:
      return format_short_duration(*value);
    case FigureUnit::Tier:
      return std::string(tier_name(static_cast<Tier>(std::lround(*value))));
    case FigureUnit::Count:
      break;
  }
  return format_count(std::llround(*value));
}

std::string format_figure_stats(const HeadlineFigure& figure, const FigureStats& stats) {
  if (figure.unit != FigureUnit::Tier || !stats.mean || *stats.mean == std::floor(*stats.mean)) {
    return format_figure_value(figure, stats.mean);
  }
  const auto [lowest, highest] = std::minmax_element(stats.values.begin(), stats.values.end());
  return format_figure_value(figure, *lowest) + ".." + format_figure_value(figure, *highest);
}

std::string format_figure_difference(const HeadlineFigure& figure, double difference) {
  const std::string sign = difference > 0 ? "+" : difference < 0 ? "-" : "";
  const double size = std::abs(difference);
  switch (figure.unit) {
    case FigureUnit::Share:  // a difference of two shares is in percentage points
      return sign + format_fixed(size * 100, kPercentDecimals) + " pp";
    case FigureUnit::Drain:
    case FigureUnit::Latency:
      return sign + format_short_duration(size);
    case FigureUnit::Tier:
      return sign + format_fixed(size, kTierMeanDecimals);
    case FigureUnit::Count:
      break;
  }
  return sign + (size < kSmallCountDifference ? format_fixed(size, 1) : format_count(std::llround(size)));
}

}  // namespace delivsim
