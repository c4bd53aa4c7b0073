#include "sim/report/svg_chart.h"

#include <algorithm>
#include <cmath>

#include "sim/output/number_format.h"
#include "sim/report/html_escape.h"

namespace delivsim::report {

namespace {

// Layout in SVG pixels.
constexpr double kWidth = 660;
constexpr double kLeft = 72;
constexpr double kRightPlain = 20;
constexpr double kRightLabelled = 70;
constexpr double kTop = 34;
constexpr double kPlotHeight = 210;
constexpr double kLegendTop = 56;  // below the plot: tick labels, then the axis title, then the legend
constexpr double kLegendRow = 18;

std::string num(double value) {
  return format_fixed(value, 1);
}

std::string dash_attribute(StrokeStyle style) {
  switch (style) {
    case StrokeStyle::Solid:
      return "";
    case StrokeStyle::Dotted:
      return " stroke-dasharray=\"2 3\"";
  }
  return "";
}

StrokeStyle stroke_of(LegendMark mark) {
  return mark == LegendMark::Dotted ? StrokeStyle::Dotted : StrokeStyle::Solid;
}

double label_width(const std::string& label) {
  return 30 + kCharWidthPx * static_cast<double>(label.size());
}

}  // namespace

SvgChart::SvgChart(std::string id, std::string title, ChartAxis x, ChartAxis y)
    : id_(std::move(id)), title_(std::move(title)), x_(std::move(x)), y_(std::move(y)), left_px_(kLeft) {}

void SvgChart::set_right_labels(std::vector<AxisTick> labels) {
  right_labels_ = std::move(labels);
}

void SvgChart::set_left_margin(double margin_px) {
  left_px_ = margin_px;
}

double SvgChart::px(double x) const {
  const double right = right_labels_.empty() ? kRightPlain : kRightLabelled;
  return left_px_ + (x - x_.min) / (x_.max - x_.min) * (kWidth - left_px_ - right);
}

double SvgChart::py(double y) const {
  return kTop + kPlotHeight - (y - y_.min) / (y_.max - y_.min) * kPlotHeight;
}

std::string SvgChart::path_of(const std::vector<ChartPoint>& points) const {
  std::string d;
  for (const ChartPoint& point : points) {
    if (!std::isfinite(point.x) || !std::isfinite(point.y)) continue;
    d += (d.empty() ? "M" : " L") + num(px(point.x)) + " " + num(py(point.y));
  }
  return d;
}

void SvgChart::band(double y_low, double y_high, RgbColor color, double opacity) {
  const double top = py(std::min(y_high, y_.max));
  const double bottom = py(std::max(y_low, y_.min));
  layers_ += "<rect x=\"" + num(px(x_.min)) + "\" y=\"" + num(top) + "\" width=\"" +
             num(px(x_.max) - px(x_.min)) + "\" height=\"" + num(bottom - top) + "\" fill=\"" +
             css_hex(color) + "\" fill-opacity=\"" + format_fixed(opacity, 2) + "\"/>\n";
}

void SvgChart::area(const std::vector<ChartPoint>& upper, const std::vector<ChartPoint>& lower,
                    RgbColor color, double opacity) {
  if (upper.empty() || lower.empty()) return;
  const std::vector<ChartPoint> thinned_lower = thin_line(lower);
  const std::vector<ChartPoint> back(thinned_lower.rbegin(), thinned_lower.rend());
  std::string d = path_of(thin_line(upper));
  const std::string back_path = path_of(back);
  if (d.empty() || back_path.empty()) return;
  d += " L" + back_path.substr(1) + " Z";
  layers_ += "<path d=\"" + d + "\" fill=\"" + css_hex(color) + "\" fill-opacity=\"" +
             format_fixed(opacity, 2) + "\" stroke=\"none\"/>\n";
}

void SvgChart::line(const std::vector<ChartPoint>& points, RgbColor color, StrokeStyle style,
                    double width_px) {
  const std::string d = path_of(thin_line(points));
  if (d.empty()) return;
  layers_ += "<path d=\"" + d + "\" fill=\"none\" stroke=\"" + css_hex(color) + "\" stroke-width=\"" +
             format_fixed(width_px, 1) + "\"" + dash_attribute(style) + " stroke-linejoin=\"round\"/>\n";
}

void SvgChart::dots(const std::vector<ChartPoint>& points, RgbColor color) {
  for (const ChartPoint& point : points) {
    if (!std::isfinite(point.x) || !std::isfinite(point.y)) continue;
    layers_ += "<circle cx=\"" + num(px(point.x)) + "\" cy=\"" + num(py(point.y)) + "\" r=\"3\" fill=\"" +
               css_hex(color) + "\"/>\n";
  }
}

void SvgChart::legend(std::string label, RgbColor color, LegendMark mark) {
  legend_.push_back({std::move(label), color, mark});
}

std::string SvgChart::svg() const {
  // The legend's rows first: the chart's height depends on them.
  std::vector<std::pair<double, double>> legend_at;  // (x, row) per entry
  double cursor = left_px_;
  double row = 0;
  for (const LegendEntry& entry : legend_) {
    if (cursor > left_px_ && cursor + label_width(entry.label) > kWidth - 8) {
      cursor = left_px_;
      ++row;
    }
    legend_at.emplace_back(cursor, row);
    cursor += label_width(entry.label) + 10;
  }
  const double plot_bottom = kTop + kPlotHeight;
  const double legend_rows = legend_.empty() ? 0 : row + 1;
  const double height = plot_bottom + kLegendTop + legend_rows * kLegendRow;
  const double plot_left = px(x_.min), plot_right = px(x_.max);
  const std::string clip = escape_xml(id_) + "-plot";

  std::string out = "<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"" + escape_xml(id_) +
                    "\" viewBox=\"0 0 " + num(kWidth) + " " + num(height) + "\" width=\"" + num(kWidth) +
                    "\" height=\"" + num(height) +
                    "\" role=\"img\" font-family=\"sans-serif\" font-size=\"11\">\n";
  out += "<title>" + escape_xml(title_) + "</title>\n";
  out += "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n";
  out += "<text x=\"" + num(kWidth / 2) +
         "\" y=\"20\" text-anchor=\"middle\" font-size=\"13\" font-weight=\"bold\">" + escape_xml(title_) +
         "</text>\n";
  out += "<clipPath id=\"" + clip + "\"><rect x=\"" + num(plot_left) + "\" y=\"" + num(kTop) + "\" width=\"" +
         num(plot_right - plot_left) + "\" height=\"" + num(kPlotHeight) + "\"/></clipPath>\n";
  // Grid, ticks and tick labels.
  out += "<g stroke=\"#e3e3e3\" stroke-width=\"1\">\n";
  for (const AxisTick& tick : y_.ticks) {
    out += "<line x1=\"" + num(plot_left) + "\" y1=\"" + num(py(tick.at)) + "\" x2=\"" + num(plot_right) +
           "\" y2=\"" + num(py(tick.at)) + "\"/>\n";
  }
  for (const AxisTick& tick : x_.ticks) {
    out += "<line x1=\"" + num(px(tick.at)) + "\" y1=\"" + num(kTop) + "\" x2=\"" + num(px(tick.at)) +
           "\" y2=\"" + num(plot_bottom) + "\"/>\n";
  }
  out += "</g>\n<g fill=\"#444444\">\n";
  for (const AxisTick& tick : y_.ticks) {
    out += "<text x=\"" + num(plot_left - 6) + "\" y=\"" + num(py(tick.at) + 4) + "\" text-anchor=\"end\">" +
           escape_xml(tick.label) + "</text>\n";
  }
  for (const AxisTick& tick : x_.ticks) {
    out += "<text x=\"" + num(px(tick.at)) + "\" y=\"" + num(plot_bottom + 15) +
           "\" text-anchor=\"middle\">" + escape_xml(tick.label) + "</text>\n";
  }
  for (const AxisTick& label : right_labels_) {
    out += "<text x=\"" + num(plot_right + 6) + "\" y=\"" + num(py(label.at) + 4) + "\">" +
           escape_xml(label.label) + "</text>\n";
  }
  out += "</g>\n";
  // Axis titles.
  out += "<text x=\"" + num((plot_left + plot_right) / 2) + "\" y=\"" + num(plot_bottom + 34) +
         "\" text-anchor=\"middle\">" + escape_xml(x_.title) + "</text>\n";
  out += "<text transform=\"translate(14 " + num(kTop + kPlotHeight / 2) +
         ") rotate(-90)\" text-anchor=\"middle\">" + escape_xml(y_.title) + "</text>\n";
  // Data, clipped to the plot.
  out += "<g clip-path=\"url(#" + clip + ")\">\n" + layers_ + "</g>\n";
  out += "<rect x=\"" + num(plot_left) + "\" y=\"" + num(kTop) + "\" width=\"" + num(plot_right - plot_left) +
         "\" height=\"" + num(kPlotHeight) + "\" fill=\"none\" stroke=\"#999999\"/>\n";
  // Legend.
  for (std::size_t i = 0; i < legend_.size(); ++i) {
    const LegendEntry& entry = legend_[i];
    const double x = legend_at[i].first;
    const double y = plot_bottom + kLegendTop - 8 + legend_at[i].second * kLegendRow;
    if (entry.mark == LegendMark::Box) {
      out += "<rect x=\"" + num(x) + "\" y=\"" + num(y - 5) + "\" width=\"20\" height=\"10\" fill=\"" +
             css_hex(entry.color) + "\"/>\n";
    } else {
      out += "<line x1=\"" + num(x) + "\" y1=\"" + num(y) + "\" x2=\"" + num(x + 20) + "\" y2=\"" + num(y) +
             "\" stroke=\"" + css_hex(entry.color) + "\" stroke-width=\"2\"" +
             dash_attribute(stroke_of(entry.mark)) + "/>\n";
    }
    out +=
        "<text x=\"" + num(x + 26) + "\" y=\"" + num(y + 4) + "\">" + escape_xml(entry.label) + "</text>\n";
  }
  out += "</svg>\n";
  return out;
}

}  // namespace delivsim::report
