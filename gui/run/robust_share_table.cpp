#include "gui/run/robust_share_table.h"

#include <QHeaderView>
#include <optional>

#include "gui/figures/chart_palette.h"
#include "sim/batch/compare_figure_text.h"
#include "sim/output/headline.h"
#include "sim/output/world_share_text.h"

namespace delivsim::gui {

namespace {

enum Row { kBest, kBeats, kTies, kLoses, kP5, kP50, kP95, kRows };

const QString kNone = QStringLiteral("-");

QString share_text(double share) {
  return QString::fromStdString(format_world_share(share));
}

QString difference_text(const HeadlineFigure& figure, const std::optional<double>& difference) {
  return difference ? QString::fromStdString(format_figure_difference(figure, *difference)) : kNone;
}

}  // namespace

RobustShareTable::RobustShareTable(QWidget* parent) : QTableWidget(parent) {
  setObjectName("robust-shares");
  setEditTriggers(QAbstractItemView::NoEditTriggers);
  setSelectionMode(QAbstractItemView::NoSelection);
  horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
  verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  setAlternatingRowColors(true);
  setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);  // as tall as its rows, no empty space
  setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Maximum);
}

void RobustShareTable::fill(const RobustResult& result, std::size_t figure) {
  const HeadlineFigure& shown = headline_figures()[figure];
  clear();
  setRowCount(kRows);
  setColumnCount(static_cast<int>(result.strategies.size()));
  const QString first = QString::fromStdString(result.strategies.front().name);
  setVerticalHeaderLabels({QStringLiteral("best in"), QStringLiteral("beats ") + first,
                           QStringLiteral("ties"), QStringLiteral("loses"), QStringLiteral("difference p5"),
                           QStringLiteral("difference p50"), QStringLiteral("difference p95")});
  QStringList columns;
  for (const RobustStrategy& strategy : result.strategies) columns << QString::fromStdString(strategy.name);
  setHorizontalHeaderLabels(columns);
  for (std::size_t s = 0; s < result.strategies.size(); ++s) {
    const RobustFigure& standing = result.strategies[s].figures[figure];
    const std::optional<WinShares>& versus = standing.versus_first;
    const QString cells[kRows] = {share_text(standing.best_share),
                                  versus ? share_text(versus->wins) : kNone,
                                  versus ? share_text(versus->ties) : kNone,
                                  versus ? share_text(versus->losses) : kNone,
                                  difference_text(shown, standing.difference_p5),
                                  difference_text(shown, standing.difference_p50),
                                  difference_text(shown, standing.difference_p95)};
    for (int row = 0; row < kRows; ++row) {
      auto* item = new QTableWidgetItem(cells[row]);
      item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
      if (versus && row == kBeats && versus->wins >= 0.5) item->setForeground(good_color());
      if (versus && row == kLoses && versus->losses >= 0.5) item->setForeground(bad_color());
      setItem(row, static_cast<int>(s), item);
    }
  }
}

}  // namespace delivsim::gui
