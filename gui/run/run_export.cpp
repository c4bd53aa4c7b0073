#include "gui/run/run_export.h"

#include <QBuffer>
#include <QImage>
#include <QPainter>
#include <QSvgGenerator>
#include <sstream>

#include "gui/charts/chart_font.h"
#include "gui/figures/chart_palette.h"
#include "gui/run/export_folder.h"
#include "sim/output/output_dir.h"
#include "sim/output/summary_json.h"
#include "sim/output/timeseries_csv.h"

namespace delivsim::gui {

namespace {

/// Height of the caption line above each image, logical pixels.
constexpr int kCaptionHeight = 22;
constexpr const char* kScenarioYamlName = "scenario.yaml";
constexpr const char* kPinnedFolder = "A/";

/// A short sample of a line, as the A/B key shows it.
void draw_sample(QPainter& painter, const QPen& pen, qreal x, qreal y) {
  painter.setPen(pen);
  painter.drawLine(QPointF(x, y), QPointF(x + 24, y));
}

/// The caption, then the chart below it, on `painter` (any device: image or SVG), in logical pixels.
void paint_chart_image(QPainter& painter, QChartView& chart, const ImageCaption& caption) {
  const QSize size = chart.size();
  painter.fillRect(QRect(0, 0, size.width(), size.height() + kCaptionHeight), Qt::white);
  painter.setFont(chart_font(chart.font(), 9));
  const qreal middle = kCaptionHeight / 2.0;
  qreal x = 6;
  const QFontMetricsF metrics(painter.font());
  const auto text = [&](const QString& words) {
    painter.setPen(Qt::black);
    painter.drawText(QRectF(x, 0, metrics.horizontalAdvance(words) + 2, kCaptionHeight), Qt::AlignVCenter,
                     words);
    x += metrics.horizontalAdvance(words) + 12;
  };
  text(caption.scenario);
  if (!caption.pinned_label.isEmpty()) {
    draw_sample(painter, QPen(provider_color(0), 2), x, middle);
    x += 28;
    text(QStringLiteral("B: this run (solid, in colour)"));
    draw_sample(painter, QPen(pinned_color(0), 1.6, pinned_pen_style(0)), x, middle);
    x += 28;
    text(caption.pinned_label + QStringLiteral(" (grey, dashed)"));
  }
  chart.render(&painter, QRectF(0, kCaptionHeight, size.width(), size.height()), chart.viewport()->rect());
}

QByteArray png_of(QChartView& chart, const ImageCaption& caption) {
  const QSize logical(chart.width(), chart.height() + kCaptionHeight);
  QImage image(logical * kImagePixelRatio, QImage::Format_ARGB32_Premultiplied);
  image.setDevicePixelRatio(kImagePixelRatio);
  {
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    paint_chart_image(painter, chart, caption);
  }
  QByteArray bytes;
  QBuffer buffer(&bytes);
  buffer.open(QIODevice::WriteOnly);
  image.save(&buffer, "PNG");
  return bytes;
}

QByteArray svg_of(QChartView& chart, const ImageCaption& caption) {
  const QSize logical(chart.width(), chart.height() + kCaptionHeight);
  QByteArray bytes;
  QBuffer buffer(&bytes);
  QSvgGenerator generator;
  generator.setOutputDevice(&buffer);
  generator.setSize(logical);
  generator.setViewBox(QRect(QPoint(0, 0), logical));
  generator.setTitle(chart.chart()->title());
  generator.setDescription(caption.scenario);
  {
    QPainter painter(&generator);
    paint_chart_image(painter, chart, caption);
  }
  return bytes;
}

/// The three files of one run under `prefix` ("" or "A/").
QStringList run_file_names(const QString& prefix) {
  return {prefix + kSummaryJsonName, prefix + kTimeseriesCsvName, prefix + kScenarioYamlName};
}

QStringList write_run(ExportFolder& out, const RunResult& result, const QString& yaml,
                      const QString& prefix) {
  std::ostringstream csv;
  write_timeseries_csv(result.timeseries, csv);
  const QStringList names = run_file_names(prefix);
  return {out.write(names[0], QByteArray::fromStdString(summary_json(result))),
          out.write(names[1], QByteArray::fromStdString(csv.str())), out.write(names[2], yaml.toUtf8())};
}

}  // namespace

std::vector<ChartImage> captioned(const std::vector<RunChart*>& charts, const ImageCaption& caption) {
  std::vector<ChartImage> images;
  for (RunChart* chart : charts) images.push_back({chart, caption});
  return images;
}

QStringList export_chart_images(const std::vector<ChartImage>& images, const QString& folder) {
  QStringList names;
  for (const ChartImage& image : images)
    names << image.chart->objectName() + ".png" << image.chart->objectName() + ".svg";
  ExportFolder out(folder, names);
  QStringList written;
  for (const ChartImage& image : images) {
    written << out.write(image.chart->objectName() + ".png", png_of(*image.chart, image.caption));
    written << out.write(image.chart->objectName() + ".svg", svg_of(*image.chart, image.caption));
  }
  return written;
}

QStringList export_run_files(const RunResult& result, const QString& yaml, const PinnedRun* pinned,
                             const QString& folder) {
  QStringList names = run_file_names(QString());
  if (pinned != nullptr) names << run_file_names(kPinnedFolder);
  ExportFolder out(folder, names);
  QStringList written = write_run(out, result, yaml, QString());
  if (pinned != nullptr) written << write_run(out, pinned->result, pinned->yaml, kPinnedFolder);
  return written;
}

}  // namespace delivsim::gui
