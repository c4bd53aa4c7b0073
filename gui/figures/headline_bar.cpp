#include "gui/figures/headline_bar.h"

#include <QFontMetrics>
#include <QFrame>
#include <QHBoxLayout>
#include <QVBoxLayout>

#include "gui/figures/figure_verdict.h"
#include "gui/figures/fit_label.h"
#include "gui/figures/headline.h"
#include "sim/output/drain_state.h"
#include "sim/output/number_format.h"

namespace delivsim::gui {

namespace {

/// The time-to-drain card's tooltip: the queue at the end beside the pace that would clear it.
QString drain_tooltip(const RunResult& run, const Headline& headline) {
  if (headline.time_to_drain_s) return {};
  std::int64_t finished = 0;
  for (std::size_t p = 0; p < run.providers.size(); ++p) finished += finished_in_last_interval(run, p);
  const QString figures =
      QStringLiteral("%1 messages queued at the end; %2 finished (delivered or bounced) in the last interval")
          .arg(QString::fromStdString(format_count(run.totals.queued_at_end)),
               QString::fromStdString(format_count(finished)));
  return (headline.steady_state
              ? QStringLiteral(
                    "Steady state: the queue is never empty only because new mail keeps arriving. ")
              : QStringLiteral("Not drained: more mail is queued than one interval's pace clears. ")) +
         figures;
}

}  // namespace

HeadlineBar::HeadlineBar(QWidget* parent) : QWidget(parent) {
  auto* row = new QHBoxLayout(this);
  row->setContentsMargins(0, 0, 0, 0);
  row->setSpacing(4);
  for (const Figure figure : kFigures) {
    auto* card = new QFrame(this);
    card->setFrameShape(QFrame::StyledPanel);
    card->setToolTip(figure_hint(figure));
    card->setStyleSheet("QFrame { background: palette(base); border-radius: 4px; }");
    auto* column = new QVBoxLayout(card);
    column->setContentsMargins(7, 5, 7, 5);
    column->setSpacing(0);
    auto* name = new QLabel(figure_name(figure), card);
    QFont small = name->font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    name->setFont(small);
    name->setStyleSheet("color: palette(mid);");
    QFont big = card->font();
    big.setPointSizeF(big.pointSizeF() * 1.35);
    big.setBold(true);
    // The card reserves room for its widest value at three quarters of its size; a value wider than its card
    // is drawn smaller, so a run's figures never widen the headline (and squeeze the form beside it).
    const int widest_px = QFontMetrics(big).horizontalAdvance(figure_widest_text(figure));
    auto* value = new FitLabel(widest_px * 3 / 4, card);
    value->setFont(big);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    column->addWidget(name);
    column->addWidget(value);
    row->addWidget(card, widest_px);  // wide values get the wider cards
    values_[figure] = value;
  }
  clear();
}

void HeadlineBar::setHeadline(const RunResult& run, const Scenario& scenario) {
  const Headline headline = headline_of(run);
  const ReceiverParams& params = judging_params(scenario);
  for (const Figure figure : kFigures) {
    setValue(figure, figure_text(headline, figure),
             verdict_color(figure_verdict(headline, run.totals, figure, params)));
  }
  values_.at(Figure::TimeToDrain)->setToolTip(drain_tooltip(run, headline));
}

void HeadlineBar::clear() {
  for (const Figure figure : kFigures) setValue(figure, QStringLiteral("\u2014"), QColor());
  values_.at(Figure::TimeToDrain)->setToolTip({});
}

QString HeadlineBar::valueText(Figure figure) const {
  return values_.at(figure)->text();
}

QColor HeadlineBar::valueColor(Figure figure) const {
  return colors_.at(figure);
}

QString HeadlineBar::valueToolTip(Figure figure) const {
  return values_.at(figure)->toolTip();
}

void HeadlineBar::setValue(Figure figure, const QString& text, const QColor& color) {
  colors_[figure] = color;
  FitLabel* label = values_.at(figure);
  label->setFitText(text);
  label->setStyleSheet(color.isValid() ? QStringLiteral("color: %1;").arg(color.name()) : QString());
}

}  // namespace delivsim::gui
