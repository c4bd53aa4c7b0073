#include "gui/compare_table.h"

#include <QHeaderView>

#include "gui/headline_format.h"

namespace delivsim::gui {

CompareTable::CompareTable(QWidget* parent) : QTableWidget(static_cast<int>(kFigures.size()), 3, parent) {
  setObjectName("compare");
  setHorizontalHeaderLabels(
      {QStringLiteral("A (pinned)"), QStringLiteral("B (current)"), QStringLiteral("B \u2212 A")});
  QStringList names;
  for (const Figure figure : kFigures) names << figure_name(figure);
  setVerticalHeaderLabels(names);
  setEditTriggers(QAbstractItemView::NoEditTriggers);
  setSelectionMode(QAbstractItemView::NoSelection);
  horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
  verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  setAlternatingRowColors(true);
}

void CompareTable::setPinnedLabel(const QString& label) {
  horizontalHeaderItem(0)->setText(label);
  horizontalHeaderItem(0)->setToolTip(label);
}

void CompareTable::compare(const Headline& a, const Headline& b) {
  for (std::size_t row = 0; row < kFigures.size(); ++row) {
    const Figure figure = kFigures[row];
    const QString cells[] = {figure_text(a, figure), figure_text(b, figure), figure_difference(a, b, figure)};
    for (int column = 0; column < 3; ++column) {
      auto* item = new QTableWidgetItem(cells[column]);
      item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
      setItem(static_cast<int>(row), column, item);
    }
  }
}

}  // namespace delivsim::gui
