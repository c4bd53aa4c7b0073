#include "gui/charts/deferrals_chart.h"

#include <QMap>
#include <numeric>

#include "gui/charts/series_data.h"
#include "gui/figures/chart_palette.h"

namespace delivsim::gui {

namespace {

const QString kTitle = QStringLiteral("Deferrals by reply code");

/// One provider's deferrals with one reply code, per interval.
struct ReplyLine {
  std::string provider;
  QString reply;
  std::vector<double> counts;
};

/// The reply columns of every provider that deferred at least once, in provider then column order.
std::vector<ReplyLine> reply_lines(const RunResult& run) {
  std::vector<ReplyLine> lines;
  for (const ProviderResult& provider : run.providers) {
    const std::string prefix = provider.name + ".deferred[";
    for (const SeriesColumn& column : run.timeseries.columns) {
      if (!column.name.starts_with(prefix)) continue;
      std::vector<double> counts = column_values(run.timeseries, column.name);
      if (std::accumulate(counts.begin(), counts.end(), 0.0) == 0) continue;
      lines.push_back(
          {provider.name,
           QString::fromStdString(column.name.substr(prefix.size(), column.name.size() - prefix.size() - 1)),
           std::move(counts)});
    }
  }
  return lines;
}

}  // namespace

DeferralsChart::DeferralsChart(QWidget* parent) : RunChart(kTitle, QStringLiteral("Per hour"), parent) {
  setObjectName("deferrals");
}

void DeferralsChart::drawRun(const RunResult& run, bool pinned, const ChartRuns& /*runs*/) {
  const std::vector<ReplyLine> lines = reply_lines(run);
  if (!pinned) {
    valueAxis()->setTitleText(per_interval_title(run.timeseries));
    chart()->setTitle(lines.empty() ? kTitle + QStringLiteral(": none in this run") : kTitle);
  }
  QMap<QString, int> seen;  // a reply code two providers share: the second one's line is darker
  for (const ReplyLine& reply : lines) {
    const QString provider = QString::fromStdString(reply.provider);
    const QString name = provider + " " + reply.reply;
    const int repeat = seen[reply.reply]++;
    const QColor color = reply_color(reply.reply);
    line("deferred:" + provider + ":" + reply.reply, name,
         repeat == 0 ? color : color.darker(100 + 40 * repeat),
         to_points(run.timeseries, reply.counts, scale()), pinned);
  }
}

}  // namespace delivsim::gui
