#include "gui/headline_bar.h"

#include <QFrame>
#include <QHBoxLayout>
#include <QVBoxLayout>

#include "gui/chart_palette.h"
#include "gui/headline.h"

namespace delivsim::gui {

namespace {

QColor tier_text_color(Tier tier) {
  switch (tier) {
    case Tier::High:
      return good_color();
    case Tier::Medium:
      return warning_color();
    case Tier::Low:
    case Tier::Bad:
      return bad_color();
  }
  return {};
}

QColor level_color(DeferralLevel level) {
  switch (level) {
    case DeferralLevel::Normal:
      return good_color();
    case DeferralLevel::Unusual:
      return warning_color();
    case DeferralLevel::Act:
      return bad_color();
  }
  return {};
}

}  // namespace

HeadlineBar::HeadlineBar(QWidget* parent) : QWidget(parent) {
  auto* row = new QHBoxLayout(this);
  row->setContentsMargins(0, 0, 0, 0);
  row->setSpacing(6);
  for (const Figure figure : kFigures) {
    auto* card = new QFrame(this);
    card->setFrameShape(QFrame::StyledPanel);
    card->setToolTip(figure_hint(figure));
    card->setStyleSheet("QFrame { background: palette(base); border-radius: 4px; }");
    auto* column = new QVBoxLayout(card);
    column->setContentsMargins(10, 6, 10, 6);
    column->setSpacing(0);
    auto* name = new QLabel(figure_name(figure), card);
    QFont small = name->font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    name->setFont(small);
    name->setStyleSheet("color: palette(mid);");
    auto* value = new QLabel(card);
    QFont big = value->font();
    big.setPointSizeF(big.pointSizeF() * 1.45);
    big.setBold(true);
    value->setFont(big);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    column->addWidget(name);
    column->addWidget(value);
    row->addWidget(card, 1);
    values_[figure] = value;
  }
  clear();
}

void HeadlineBar::setHeadline(const RunResult& run, const Scenario& scenario) {
  const Headline headline = headline_of(run);
  const ReceiverParams& params = judging_params(scenario);
  for (const Figure figure : kFigures) {
    QColor color;
    if (figure == Figure::DeferralRate) color = level_color(deferral_level(headline.deferral_rate, params));
    if (figure == Figure::FinalTier && headline.final_tier) color = tier_text_color(*headline.final_tier);
    if (figure == Figure::TimeToDrain && !headline.time_to_drain_s) color = bad_color();
    setValue(figure, figure_text(headline, figure), color);
  }
}

void HeadlineBar::clear() {
  for (const Figure figure : kFigures) setValue(figure, QStringLiteral("\u2014"), QColor());
}

QString HeadlineBar::valueText(Figure figure) const {
  return values_.at(figure)->text();
}

void HeadlineBar::setValue(Figure figure, const QString& text, const QColor& color) {
  QLabel* label = values_.at(figure);
  label->setText(text);
  label->setStyleSheet(color.isValid() ? QStringLiteral("color: %1;").arg(color.name()) : QString());
}

}  // namespace delivsim::gui
