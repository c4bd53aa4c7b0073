#include "gui/run_export.h"

#include <QDir>
#include <QPixmap>
#include <QSaveFile>
#include <sstream>
#include <stdexcept>

#include "sim/output/output_dir.h"
#include "sim/output/summary_json.h"
#include "sim/output/timeseries_csv.h"

namespace delivsim::gui {

namespace {

void write_file(const QString& path, const std::string& content) {
  QSaveFile file(path);
  const QByteArray bytes = QByteArray::fromStdString(content);
  if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
    throw std::runtime_error((path + ": " + file.errorString()).toStdString());
  }
}

}  // namespace

QStringList export_chart_images(const std::vector<RunChart*>& charts, const QString& folder) {
  QStringList written;
  for (RunChart* chart : charts) {
    const QString path = QDir(folder).filePath(chart->objectName() + ".png");
    if (!chart->grab().save(path, "PNG"))
      throw std::runtime_error((path + ": cannot be written").toStdString());
    written << path;
  }
  return written;
}

QStringList export_run_files(const RunResult& result, const QString& folder) {
  const QString summary = QDir(folder).filePath(kSummaryJsonName);
  const QString timeseries = QDir(folder).filePath(kTimeseriesCsvName);
  write_file(summary, summary_json(result));
  std::ostringstream csv;
  write_timeseries_csv(result.timeseries, csv);
  write_file(timeseries, csv.str());
  return {summary, timeseries};
}

}  // namespace delivsim::gui
