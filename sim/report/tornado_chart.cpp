#include "sim/report/tornado_chart.h"

#include <algorithm>
#include <cmath>

#include "sim/output/number_format.h"
#include "sim/report/svg_chart.h"

namespace delivsim::report {

namespace {

constexpr double kTornadoBarHalfHeight = 0.35;  // of one category step
constexpr double kTornadoMinLeftPx = 72;
constexpr double kTornadoMaxLeftPx = 300;
constexpr double kLabelGapPx = 16;
constexpr RgbColor kNoiseRgb = 0xbbbbbb;

/// Most characters of a label that fit in kTornadoMaxLeftPx.
constexpr std::size_t kMaxLabelChars =
    static_cast<std::size_t>((kTornadoMaxLeftPx - kLabelGapPx) / kCharWidthPx);

/// `label` cut to kMaxLabelChars bytes (not inside a UTF-8 sequence) with "…" when longer.
std::string fitted(const std::string& label) {
  if (label.size() <= kMaxLabelChars) return label;
  std::size_t cut = kMaxLabelChars - 1;
  while (cut > 0 && (static_cast<unsigned char>(label[cut]) & 0xC0) == 0x80) --cut;
  return label.substr(0, cut) + "\u2026";
}

/// A rectangle from x0 to x1 and y0 to y1 in axis units, drawn as an area.
void rectangle(SvgChart& chart, double x0, double x1, double y0, double y1, RgbColor color, double opacity) {
  chart.area({{x0, y1}, {x1, y1}}, {{x0, y0}, {x1, y0}}, color, opacity);
}

}  // namespace

std::string tornado_chart_svg(const std::string& id, const std::string& title, const std::string& x_title,
                              std::vector<RobustSensitivity> sensitivity, double noise) {
  std::stable_sort(sensitivity.begin(), sensitivity.end(),
                   [](const RobustSensitivity& a, const RobustSensitivity& b) {
                     return std::abs(a.rank_correlation) > std::abs(b.rank_correlation);
                   });
  if (sensitivity.size() > kTornadoBars) sensitivity.resize(kTornadoBars);
  const double rows = static_cast<double>(std::max<std::size_t>(sensitivity.size(), 1));
  // Row k (most influential first) sits at y = rows - 1 - k, so the first is drawn at the top and its label
  // is written first.
  ChartAxis y{"", -0.5, rows - 0.5, {}};
  std::size_t longest = 0;
  for (std::size_t k = 0; k < sensitivity.size(); ++k) {
    const std::string label = fitted(sensitivity[k].param);
    longest = std::max(longest, label.size());
    y.ticks.push_back({rows - 1 - static_cast<double>(k), label});
  }
  SvgChart chart(id, title, value_axis(x_title, 1, -1), y);
  chart.set_left_margin(std::clamp(kLabelGapPx + kCharWidthPx * static_cast<double>(longest),
                                   kTornadoMinLeftPx, kTornadoMaxLeftPx));
  const double band = std::min(noise, 1.0);
  rectangle(chart, -band, band, -0.5, rows - 0.5, kNoiseRgb, 0.35);
  chart.line({{0, -0.5}, {0, rows - 0.5}}, kZeroLineRgb);
  for (std::size_t k = 0; k < sensitivity.size(); ++k) {
    const double rho = sensitivity[k].rank_correlation;
    const double at = rows - 1 - static_cast<double>(k);
    rectangle(chart, 0, rho, at - kTornadoBarHalfHeight, at + kTornadoBarHalfHeight,
              series_rgb(rho < 0 ? 1 : 0), 0.85);
  }
  chart.legend("rho > 0: rises with the parameter", series_rgb(0), LegendMark::Box);
  chart.legend("rho < 0: falls as the parameter rises", series_rgb(1), LegendMark::Box);
  chart.legend("noise: |rho| < " + format_fixed(noise, 2), kNoiseRgb, LegendMark::Box);
  return chart.svg();
}

}  // namespace delivsim::report
