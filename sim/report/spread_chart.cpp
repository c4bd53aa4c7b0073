#include "sim/report/spread_chart.h"

#include <algorithm>
#include <cmath>

#include "sim/report/figure_format.h"
#include "sim/report/svg_chart.h"

namespace delivsim::report {

namespace {

constexpr double kSpreadBarHalfHeight = 0.25;  // of one category step
constexpr double kTickHalfHeight = 0.38;
constexpr double kSpreadMinLeftPx = 72;
constexpr double kSpreadMaxLeftPx = 240;
constexpr RgbColor kLegendRgb = 0x888888;  // the legend explains the marks; each row has its own colour

/// How the chart shows the figure's differences: shares in percentage points, spans by
/// figure_value_scale.
ValueScale difference_scale(const std::string& key, double high) {
  if (is_share_figure(key)) return {0.01, " (pp)"};
  return figure_value_scale(key, high);
}

}  // namespace

std::string spread_chart_svg(const std::string& id, const std::string& title, const std::string& figure_key,
                             const std::string& x_title, const std::vector<SpreadRow>& rows) {
  double low = 0, high = 0, longest = 0;
  for (const SpreadRow& row : rows) {
    longest = std::max(longest, static_cast<double>(row.label.size()));
    if (!row.difference) continue;
    low = std::min(low, row.difference->p5);
    high = std::max(high, row.difference->p95);
  }
  const ValueScale scale = difference_scale(figure_key, std::max(std::abs(low), std::abs(high)));
  const double count = static_cast<double>(std::max<std::size_t>(rows.size(), 1));
  ChartAxis y{"", -0.5, count - 0.5, {}};
  for (std::size_t r = 0; r < rows.size(); ++r) {
    y.ticks.push_back({count - 1 - static_cast<double>(r), rows[r].label});
  }
  // Every difference 0: an axis centred on 0, so the marks do not sit on its edge.
  const double axis_low = low == high ? -scale.divisor : low, axis_high = low == high ? scale.divisor : high;
  SvgChart chart(id, title,
                 value_axis(x_title + scale.unit, axis_high / scale.divisor, axis_low / scale.divisor), y);
  chart.set_left_margin(std::clamp(16 + kCharWidthPx * longest, kSpreadMinLeftPx, kSpreadMaxLeftPx));
  chart.line({{0, -0.5}, {0, count - 0.5}}, kZeroLineRgb, StrokeStyle::Dotted);
  for (std::size_t r = 0; r < rows.size(); ++r) {
    if (!rows[r].difference) continue;
    const RobustDifference& d = *rows[r].difference;
    const double at = count - 1 - static_cast<double>(r);
    const double p5 = d.p5 / scale.divisor, p50 = d.p50 / scale.divisor, p95 = d.p95 / scale.divisor;
    chart.area({{p5, at + kSpreadBarHalfHeight}, {p95, at + kSpreadBarHalfHeight}},
               {{p5, at - kSpreadBarHalfHeight}, {p95, at - kSpreadBarHalfHeight}}, series_rgb(r + 1), 0.45);
    chart.line({{p50, at - kTickHalfHeight}, {p50, at + kTickHalfHeight}}, series_rgb(r + 1),
               StrokeStyle::Solid, 3);
  }
  chart.legend("p5 to p95 over the worlds", kLegendRgb, LegendMark::Box);
  chart.legend("median (p50)", kLegendRgb);
  return chart.svg();
}

}  // namespace delivsim::report
