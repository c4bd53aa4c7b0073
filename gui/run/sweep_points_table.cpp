#include "gui/run/sweep_points_table.h"

#include <QHeaderView>

#include "sim/batch/compare_figure_text.h"
#include "sim/batch/sweep_table.h"
#include "sim/output/headline.h"

namespace delivsim::gui {

namespace {

/// The mark after the best point's name, as format_sweep_table writes it.
const QString kBestMark = QStringLiteral("*");
/// The text of the points that broke a constraint.
const QColor kInfeasibleText(0x8a8a8a);

}  // namespace

SweepPointsTable::SweepPointsTable(QWidget* parent) : QTableWidget(parent) {
  setObjectName("sweep-table");
  setEditTriggers(QAbstractItemView::NoEditTriggers);
  setSelectionBehavior(QAbstractItemView::SelectRows);
  horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  verticalHeader()->hide();
  setAlternatingRowColors(true);
  setToolTip(
      QStringLiteral("* the best point: the best objective value among those that met every "
                     "constraint; grey: broke a constraint"));
}

void SweepPointsTable::fill(const SweepResult& result) {
  clear();
  QStringList columns{QStringLiteral("point")};
  for (const std::string& heading : sweep_axis_headings(result.axes))
    columns << QString::fromStdString(heading);
  const auto figures = headline_figures();
  for (const HeadlineFigure& figure : figures) columns << QString::fromStdString(figure_heading(figure));
  if (result.objective) columns << QStringLiteral("ok") << QStringLiteral("objective");
  setColumnCount(static_cast<int>(columns.size()));
  setHorizontalHeaderLabels(columns);
  setRowCount(static_cast<int>(result.points.size()));
  for (std::size_t p = 0; p < result.points.size(); ++p) {
    const SweepPoint& point = result.points[p];
    QStringList cells{QString::fromStdString(point.name) + (result.best == p ? kBestMark : QString())};
    for (const auto& setting : point.settings) cells << QString::fromStdString(setting.second);
    for (std::size_t f = 0; f < figures.size(); ++f)
      cells << QString::fromStdString(format_figure_stats(figures[f], point.figures[f]));
    if (result.objective) {
      cells << (point.failed_constraints.empty() ? QStringLiteral("yes") : QStringLiteral("no"));
      cells << (point.objective
                    ? QString::fromStdString(format_objective_value(*result.objective, *point.objective))
                    : QStringLiteral("-"));
    }
    for (int c = 0; c < cells.size(); ++c) {
      auto* item = new QTableWidgetItem(cells[c]);
      item->setTextAlignment(c == 0 ? Qt::AlignLeft | Qt::AlignVCenter : Qt::AlignRight | Qt::AlignVCenter);
      if (result.best == p) {
        QFont bold = item->font();
        bold.setBold(true);
        item->setFont(bold);
      }
      if (!point.failed_constraints.empty()) item->setForeground(kInfeasibleText);
      setItem(static_cast<int>(p), c, item);
    }
  }
}

}  // namespace delivsim::gui
