#pragma once
/// @file A small SVG chart writer: title, axes with ticks and titles, grid, clipped plot area, lines, areas,
/// horizontal bands and a legend that wraps below the plot. Every text is escaped; numbers are written with
/// one decimal so the output is deterministic.
#include <string>
#include <vector>

#include "sim/output/chart_palette.h"
#include "sim/report/chart_axis.h"
#include "sim/report/thin_points.h"

namespace delivsim::report {

/// Average width of an 11 px sans-serif character (the charts' label font), for fitting labels.
inline constexpr double kCharWidthPx = 6.4;
/// Colour of a chart's zero line.
inline constexpr RgbColor kZeroLineRgb = 0x666666;

/// How a line is drawn.
enum class StrokeStyle { Solid, Dotted };

/// What a legend entry shows beside its label: a short line in a stroke style, or a filled box.
enum class LegendMark { Solid, Dotted, Box };

/// One entry of a chart's legend.
struct LegendEntry {
  std::string label;
  RgbColor color = 0;
  LegendMark mark = LegendMark::Solid;
};

/// One chart, built by adding layers in drawing order, then written with svg().
class SvgChart {
 public:
  /// A chart whose <svg> element has id `id` and whose title is `title`.
  SvgChart(std::string id, std::string title, ChartAxis x, ChartAxis y);

  /// Labels on the right edge at y values (the reputation chart's tier names).
  void set_right_labels(std::vector<AxisTick> labels);
  /// Room left of the plot for the y axis' tick labels, pixels (default 72; wider for names such as a
  /// tornado chart's parameters).
  void set_left_margin(double margin_px);
  /// A band across the whole plot width between y values `y_low` and `y_high`.
  void band(double y_low, double y_high, RgbColor color, double opacity);
  /// The area between `upper` and `lower` (each in x order, thinned when long), e.g. a stacked layer or a
  /// p5–p95 band.
  void area(const std::vector<ChartPoint>& upper, const std::vector<ChartPoint>& lower, RgbColor color,
            double opacity);
  /// A line through `points` (thinned when long), `width_px` wide.
  void line(const std::vector<ChartPoint>& points, RgbColor color, StrokeStyle style = StrokeStyle::Solid,
            double width_px = 1.5);
  /// A dot at each of `points`.
  void dots(const std::vector<ChartPoint>& points, RgbColor color);
  /// Appends a legend entry.
  void legend(std::string label, RgbColor color, LegendMark mark = LegendMark::Solid);

  /// The chart as one <svg> element.
  std::string svg() const;

 private:
  double px(double x) const;
  double py(double y) const;
  std::string path_of(const std::vector<ChartPoint>& points) const;

  std::string id_;
  std::string title_;
  ChartAxis x_, y_;
  std::vector<AxisTick> right_labels_;
  double left_px_;
  std::string layers_;
  std::vector<LegendEntry> legend_;
};

}  // namespace delivsim::report
