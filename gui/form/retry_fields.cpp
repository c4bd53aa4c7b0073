#include "gui/form/retry_fields.h"

#include <QFormLayout>
#include <QSignalBlocker>
#include <QVBoxLayout>
#include <algorithm>
#include <functional>
#include <stdexcept>

#include "gui/form/form_section.h"
#include "gui/form/form_targets.h"
#include "sim/scenario/units_parse.h"

namespace delivsim::gui {

namespace {

/// The kind combo's rows.
enum KindRow { kIntervalRow = 0, kExponentialRow = 1 };

QString interval_text(const RetrySchedule& schedule) {
  if (schedule.kind == RetrySchedule::Kind::List) return duration_list_text(schedule.offsets);
  return QString::fromStdString(duration_text(schedule.interval));
}

QLineEdit* duration_field(QWidget* parent, const char* name, const QString& placeholder) {
  auto* field = new QLineEdit(parent);
  field->setObjectName(name);
  field->setPlaceholderText(placeholder);
  return field;
}

}  // namespace

RetryFields::RetryFields(QWidget* parent)
    : QWidget(parent),
      kind_(new QComboBox(this)),
      pages_(new QStackedWidget(this)),
      interval_(duration_field(this, "retry", QStringLiteral("10m, or a list: 15m, 1h, 4h, 12h"))),
      initial_(duration_field(this, "retry-initial", QStringLiteral("e.g. 5m"))),
      max_(duration_field(this, "retry-max", QStringLiteral("e.g. 1h"))),
      factor_(new QDoubleSpinBox(this)),
      jitter_percent_(new QDoubleSpinBox(this)) {
  kind_->setObjectName("retry-kind");
  kind_->addItems({QStringLiteral("Interval or list of offsets"), QStringLiteral("Exponential back-off")});
  interval_->setToolTip(
      QStringLiteral("One duration: the same interval after every failure. Several: offsets from the first "
                     "attempt, increasing; the last gap then repeats."));
  factor_->setObjectName("retry-factor");
  factor_->setRange(1.05, 10);
  factor_->setDecimals(2);
  factor_->setSingleStep(0.25);
  factor_->setPrefix(QStringLiteral("\u00d7 "));
  factor_->setToolTip(QStringLiteral("Each delay is the one before times this, up to the cap"));
  jitter_percent_->setObjectName("retry-jitter");
  jitter_percent_->setRange(0, 99);
  jitter_percent_->setDecimals(0);
  jitter_percent_->setSuffix(QStringLiteral(" %"));
  jitter_percent_->setToolTip(
      QStringLiteral("Each delay is spread uniformly by up to this share either way"));
  for (QDoubleSpinBox* box : {factor_, jitter_percent_}) box->setKeyboardTracking(false);

  auto* exponential = new QWidget(pages_);
  auto* form = new QFormLayout(exponential);
  form->setContentsMargins(0, 0, 0, 0);
  form->addRow(QStringLiteral("First delay"), initial_);
  form->addRow(QStringLiteral("Longest delay"), max_);
  form->addRow(QStringLiteral("Growth"), factor_);
  form->addRow(QStringLiteral("Jitter"), jitter_percent_);
  pages_->addWidget(interval_);
  pages_->addWidget(exponential);
  auto* column = new QVBoxLayout(this);
  column->setContentsMargins(0, 0, 0, 0);
  column->addWidget(kind_);
  column->addWidget(pages_);

  connect(kind_, &QComboBox::currentIndexChanged, this, &RetryFields::kindChosen);
  connect(interval_, &QLineEdit::editingFinished, this, &RetryFields::intervalEdited);
  for (QLineEdit* field : {initial_, max_})
    connect(field, &QLineEdit::editingFinished, this, &RetryFields::exponentialEdited);
  for (QDoubleSpinBox* box : {factor_, jitter_percent_})
    connect(box, &QDoubleSpinBox::valueChanged, this, &RetryFields::exponentialEdited);
}

void RetryFields::showSchedule(const RetrySchedule& schedule) {
  shown_ = schedule;
  const bool exponential = schedule.kind == RetrySchedule::Kind::Exponential;
  {
    const QSignalBlocker blocker(kind_);
    kind_->setCurrentIndex(exponential ? kExponentialRow : kIntervalRow);
  }
  FormSection::show_page(pages_, kind_->currentIndex());
  // The page not in use shows the defaults its kind would start from.
  const RetrySchedule defaults;
  const RetrySchedule& interval = exponential ? defaults : schedule;
  const RetrySchedule& backoff = exponential ? schedule : defaults;
  FormSection::show_value(interval_, interval_text(interval));
  FormSection::show_value(initial_, QString::fromStdString(duration_text(backoff.initial)));
  FormSection::show_value(max_, QString::fromStdString(duration_text(backoff.max)));
  FormSection::show_value(factor_, backoff.factor);
  FormSection::show_value(jitter_percent_, backoff.jitter * 100);
}

void RetryFields::kindChosen(int kind) {
  FormSection::show_page(pages_, kind);
  if (kind == kExponentialRow) {
    exponentialEdited();
  } else {
    intervalEdited();
  }
}

void RetryFields::intervalEdited() {
  if (kind_->currentIndex() != kIntervalRow) return;
  const auto durations = parse_duration_list(interval_->text());
  if (!durations ||
      std::adjacent_find(durations->begin(), durations->end(), std::greater_equal<>()) != durations->end()) {
    FormSection::mark_invalid(
        interval_, QStringLiteral("Not a duration or a list of increasing durations (10m, or 15m, 1h, 4h)"));
    return;
  }
  FormSection::mark_invalid(interval_, {});
  RetrySchedule schedule;
  if (durations->size() == 1) {
    schedule.interval = durations->front();
  } else {
    schedule.kind = RetrySchedule::Kind::List;
    schedule.offsets = *durations;
  }
  report(schedule);
}

void RetryFields::exponentialEdited() {
  if (kind_->currentIndex() != kExponentialRow) return;
  RetrySchedule schedule;
  schedule.kind = RetrySchedule::Kind::Exponential;
  bool valid = true;
  for (auto [field, value] : {std::pair{initial_, &schedule.initial}, std::pair{max_, &schedule.max}}) {
    try {
      *value = parse_duration(field->text().trimmed().toStdString());
      if (*value <= Duration::zero()) throw std::invalid_argument("must be more than zero");
      FormSection::mark_invalid(field, {});
    } catch (const std::invalid_argument& error) {
      FormSection::mark_invalid(field, QString::fromStdString(error.what()));
      valid = false;
    }
  }
  if (!valid) return;
  if (schedule.initial > schedule.max) {
    FormSection::mark_invalid(max_, QStringLiteral("The longest delay must not be shorter than the first"));
    return;
  }
  schedule.factor = factor_->value();
  schedule.jitter = jitter_percent_->value() / 100;
  report(schedule);
}

void RetryFields::report(const RetrySchedule& schedule) {
  if (schedule == shown_) return;
  emit scheduleEdited(schedule);
}

}  // namespace delivsim::gui
