#include "gui/run/strategies_table.h"

#include <QHeaderView>
#include <algorithm>

#include "sim/batch/compare_figure_text.h"
#include "sim/batch/compare_table.h"
#include "sim/output/headline.h"
#include "sim/output/number_format.h"

namespace delivsim::gui {

namespace {

/// The mark after the best mean of a figure, as format_compare_table writes it.
const QString kBestMark = QStringLiteral("*");

QTableWidgetItem* cell(const std::string& text) {
  auto* item = new QTableWidgetItem(QString::fromStdString(text));
  item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
  return item;
}

}  // namespace

StrategiesTable::StrategiesTable(QWidget* parent) : QTableWidget(parent) {
  setObjectName("strategies-table");
  setEditTriggers(QAbstractItemView::NoEditTriggers);
  setSelectionMode(QAbstractItemView::ContiguousSelection);
  horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
  verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  setAlternatingRowColors(true);
  setToolTip(
      QStringLiteral("* best mean; \"vs\" rows: mean paired difference from the first strategy with "
                     "its 95% confidence interval (common random numbers)"));
}

void StrategiesTable::fill(const CompareResult& result) {
  clear();
  const auto figures = headline_figures();
  const bool versus = result.strategies.size() > 1;
  const int rows_per_figure = versus ? 2 : 1;
  std::size_t replies = 0;
  for (const StrategyOutcome& strategy : result.strategies)
    replies = std::max(replies, strategy.top_replies.size());
  const int figure_rows = static_cast<int>(figures.size()) * rows_per_figure;
  setRowCount(figure_rows + static_cast<int>(replies));
  setColumnCount(static_cast<int>(result.strategies.size()));
  QStringList columns;
  for (const StrategyOutcome& strategy : result.strategies) columns << QString::fromStdString(strategy.name);
  setHorizontalHeaderLabels(columns);
  QStringList rows;
  const QString versus_label =
      QStringLiteral("  vs ") + QString::fromStdString(result.strategies.front().name);
  for (std::size_t f = 0; f < figures.size(); ++f) {
    rows << QString::fromStdString(figure_heading(figures[f]));
    if (versus) rows << versus_label;
    const int row = static_cast<int>(f) * rows_per_figure;
    for (std::size_t s = 0; s < result.strategies.size(); ++s) {
      const StrategyOutcome& strategy = result.strategies[s];
      const bool best = result.best[f] == s;
      QTableWidgetItem* value = cell(format_figure_stats(figures[f], strategy.figures[f]));
      if (best) {
        value->setText(value->text() + kBestMark);
        QFont bold = value->font();
        bold.setBold(true);
        value->setFont(bold);
      }
      setItem(row, static_cast<int>(s), value);
      if (versus) {
        setItem(row + 1, static_cast<int>(s),
                cell(s == 0 ? std::string() : format_difference_cell(figures[f], strategy.differences[f])));
      }
    }
  }
  for (std::size_t i = 0; i < replies; ++i) {
    rows << QStringLiteral("deferral reply %1").arg(i + 1);
    for (std::size_t s = 0; s < result.strategies.size(); ++s) {
      const std::vector<ReplyDeferrals>& top = result.strategies[s].top_replies;
      setItem(figure_rows + static_cast<int>(i), static_cast<int>(s),
              cell(i < top.size()
                       ? top[i].reply + ": " + format_fixed_grouped(top[i].mean_deferrals, 1) + " per run"
                       : std::string()));
    }
  }
  setVerticalHeaderLabels(rows);
}

}  // namespace delivsim::gui
