#include "gui/figures/compare_table.h"

#include <QHeaderView>
#include <cmath>

#include "gui/figures/chart_palette.h"
#include "gui/figures/figure_rows.h"
#include "sim/output/duration_format.h"
#include "sim/output/number_format.h"

namespace delivsim::gui {

namespace {

const QString kMinus = QStringLiteral("\u2212");
const QString kMissing = QStringLiteral("\u2014");
const QString kSame = QStringLiteral("same");
/// Values show shares to this many decimals ("96.68%"): the headline's precision and one more.
constexpr int kShareDecimals = 2;
/// Differences of shares in percentage points to this many decimals: one message in 100,000 is 0.001 pp.
constexpr int kPointDecimals = 3;

/// The colour of a difference that is neither better nor worse (equal, missing, or no direction).
QColor equal_color() {
  return QColor(Qt::gray);
}

QString text(const std::string& value) {
  return QString::fromStdString(value);
}

QString value_text(FigureUnit unit, const std::optional<double>& value, const Headline& headline) {
  if (!value) {
    if (unit != FigureUnit::Drain) return kMissing;
    return headline.steady_state ? QStringLiteral("steady state") : QStringLiteral("not drained");
  }
  switch (unit) {
    case FigureUnit::Count:
      return text(format_count(std::llround(*value)));
    case FigureUnit::Share:
      return text(format_percent(*value, kShareDecimals));
    case FigureUnit::Latency:
    case FigureUnit::Drain:
      return text(format_elapsed(*value));
    case FigureUnit::Tier:
      return text(std::string(tier_name(static_cast<Tier>(std::lround(*value)))));
  }
  return {};
}

/// B − A in the figure's unit, exact; "same" when equal.
QString difference_text(FigureUnit unit, double difference) {
  if (difference == 0) return kSame;
  const QString sign = difference < 0 ? kMinus : QStringLiteral("+");
  const double size = std::abs(difference);
  switch (unit) {
    case FigureUnit::Count:
      return sign + text(format_count(std::llround(size)));
    case FigureUnit::Share:
      return sign + text(format_fixed(size * 100, kPointDecimals)) + QStringLiteral(" pp");
    case FigureUnit::Latency:
    case FigureUnit::Drain:
      return sign + text(format_exact_elapsed(size));
    case FigureUnit::Tier: {
      const long long steps = std::llround(size);
      return sign + text(format_count_noun(steps, "tier", "tiers"));
    }
  }
  return {};
}

QColor difference_color(const std::optional<Better>& better, double difference) {
  if (!better || difference == 0) return equal_color();
  return (difference > 0) == (*better == Better::Higher) ? good_color() : bad_color();
}

QTableWidgetItem* cell(const QString& content, const QString& tooltip = {}) {
  auto* item = new QTableWidgetItem(content);
  item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
  item->setToolTip(tooltip);
  return item;
}

/// A value's tooltip: the exact span behind a time shown in two units ("3d 4h 12m 5.5s"), or the counts
/// behind a share ("197,967 of 200,000").
QString value_tooltip(const FigureRow& row, const std::optional<double>& value, const RunResult& run) {
  if (value && (row.unit == FigureUnit::Latency || row.unit == FigureUnit::Drain))
    return text(format_exact_elapsed(*value));
  if (!row.counts) return {};
  const std::optional<ShareCounts> counts = row.counts(run);
  if (!counts) return {};
  return text(format_count(counts->part)) + QStringLiteral(" of ") + text(format_count(counts->whole));
}

}  // namespace

CompareTable::CompareTable(QWidget* parent) : QTableWidget(parent) {
  setObjectName("figures");
  setEditTriggers(QAbstractItemView::NoEditTriggers);
  setSelectionMode(QAbstractItemView::NoSelection);
  verticalHeader()->hide();
  // Compact columns side by side, as in a spreadsheet: the values stay next to their names.
  horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  horizontalHeader()->setStretchLastSection(false);
  clearRuns();
}

void CompareTable::clearRuns() {
  clear();
  clearSpans();
  setRowCount(0);
  setColumnCount(2);
  setHorizontalHeaderLabels({QStringLiteral("Figure"), QStringLiteral("This run")});
}

void CompareTable::setRuns(const RunResult& current, const PinnedRun* pinned) {
  clear();
  clearSpans();  // the group headers' rows differ from run to run
  const std::vector<FigureRow> rows = figure_rows(current, pinned ? &pinned->result : nullptr);
  setColumnCount(pinned ? 4 : 2);
  setRowCount(static_cast<int>(rows.size()));
  if (pinned) {
    setHorizontalHeaderLabels({QStringLiteral("Figure"), pinned->label, QStringLiteral("B (current)"),
                               QStringLiteral("B \u2212 A")});
    horizontalHeaderItem(1)->setToolTip(pinned->label);
  } else {
    setHorizontalHeaderLabels({QStringLiteral("Figure"), QStringLiteral("This run")});
  }
  const Headline b_headline = headline_of(current);
  const Headline a_headline = pinned ? headline_of(pinned->result) : Headline{};
  QFont bold = font();
  bold.setBold(true);
  for (std::size_t r = 0; r < rows.size(); ++r) {
    const FigureRow& row = rows[r];
    const int at = static_cast<int>(r);
    auto* name = new QTableWidgetItem(row.name);
    setItem(at, 0, name);
    if (row.header()) {
      name->setFont(bold);
      name->setBackground(palette().alternateBase());
      setSpan(at, 0, 1, columnCount());
      continue;
    }
    const std::optional<double> b = row.value(current, b_headline);
    if (!pinned) {
      setItem(at, 1, cell(value_text(row.unit, b, b_headline), value_tooltip(row, b, current)));
      continue;
    }
    const std::optional<double> a = row.value(pinned->result, a_headline);
    const QString a_text = value_text(row.unit, a, a_headline);
    const QString b_text = value_text(row.unit, b, b_headline);
    setItem(at, 1, cell(a_text, value_tooltip(row, a, pinned->result)));
    setItem(at, 2, cell(b_text, value_tooltip(row, b, current)));
    QTableWidgetItem* difference =
        a && b ? cell(difference_text(row.unit, *b - *a)) : cell(a_text == b_text ? kSame : kMissing);
    difference->setForeground(a && b ? difference_color(row.better, *b - *a) : equal_color());
    setItem(at, 3, difference);
  }
}

int CompareTable::rowOf(const QString& name) const {
  for (int r = 0; r < rowCount(); ++r) {
    if (item(r, 0) && item(r, 0)->text() == name) return r;
  }
  return -1;
}

}  // namespace delivsim::gui
