#include "gui/robust_share_table.h"

#include <QHeaderView>

#include "gui/chart_palette.h"
#include "sim/batch/world_share_text.h"
#include "sim/output/headline.h"

namespace delivsim::gui {

namespace {

QString share_text(double share) {
  return QString::fromStdString(format_world_share(share));
}

}  // namespace

RobustShareTable::RobustShareTable(QWidget* parent) : QTableWidget(parent) {
  setObjectName("robust-shares");
  setEditTriggers(QAbstractItemView::NoEditTriggers);
  setSelectionMode(QAbstractItemView::NoSelection);
  horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
  verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  setAlternatingRowColors(true);
}

void RobustShareTable::fill(const RobustResult& result) {
  const auto figures = headline_figures();
  clear();
  setRowCount(static_cast<int>(figures.size()));
  setColumnCount(static_cast<int>(result.strategies.size()));
  QStringList rows;
  for (const HeadlineFigure& figure : figures)
    rows << QString::fromUtf8(figure.label.data(), figure.label.size());
  setVerticalHeaderLabels(rows);
  QStringList columns;
  for (std::size_t s = 0; s < result.strategies.size(); ++s) {
    columns << QString::fromStdString(result.strategies[s].name) + (s == 0 ? QStringLiteral(" (first)") : "");
  }
  setHorizontalHeaderLabels(columns);
  for (std::size_t s = 0; s < result.strategies.size(); ++s) {
    for (std::size_t f = 0; f < figures.size(); ++f) {
      const RobustFigure& figure = result.strategies[s].figures[f];
      QString text = QStringLiteral("best ") + share_text(figure.best_share);
      auto* item = new QTableWidgetItem;
      if (figure.versus_first) {
        const WinShares& versus = *figure.versus_first;
        text += QStringLiteral(" \u00b7 beats ") + share_text(versus.wins);
        item->setToolTip(QString::fromStdString(robust_verdict(result, s, f)));
        if (versus.wins >= 0.5) item->setForeground(good_color());
        if (versus.losses >= 0.5) item->setForeground(bad_color());
      }
      item->setText(text);
      item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
      setItem(static_cast<int>(f), static_cast<int>(s), item);
    }
  }
}

}  // namespace delivsim::gui
