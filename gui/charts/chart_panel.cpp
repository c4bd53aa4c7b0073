#include "gui/charts/chart_panel.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QResizeEvent>
#include <QScrollBar>
#include <QVBoxLayout>
#include <algorithm>

#include "gui/charts/attempts_chart.h"
#include "gui/charts/deferrals_chart.h"
#include "gui/charts/queue_chart.h"
#include "gui/charts/quota_chart.h"
#include "gui/charts/reputation_chart.h"
#include "gui/charts/spam_rate_chart.h"
#include "sim/scenario/judging_provider.h"

namespace delivsim::gui {

ChartPanel::ChartPanel(QWidget* parent)
    : QWidget(parent),
      provider_(new QComboBox(this)),
      scroll_(new QScrollArea(this)),
      grid_(new QGridLayout),
      compare_note_(new QLabel(this)) {
  auto* column = new QVBoxLayout(this);
  column->setContentsMargins(0, 0, 0, 0);
  auto* header = new QHBoxLayout;
  compare_note_->setObjectName("compare-note");
  compare_note_->setWordWrap(true);  // A's label can be long: wrapped, it never widens the window
  compare_note_->hide();
  header->addWidget(compare_note_, 1);  // takes the free width when shown; the stretch when it is hidden
  header->addStretch();
  auto* label = new QLabel(QStringLiteral("Identity charts show provider:"), this);
  label->setBuddy(provider_);
  header->addWidget(label);
  provider_->setObjectName("identity-provider");
  provider_->setSizeAdjustPolicy(QComboBox::AdjustToContents);
  header->addWidget(provider_);
  column->addLayout(header);
  auto* hint = new QLabel(
      QStringLiteral(
          "Hover: value, date \u00b7 drag: zoom \u00b7 double-click: reset \u00b7 legend click: hide/show"),
      this);
  hint->setObjectName("chart-hint");
  hint->setWordWrap(true);
  hint->setStyleSheet(QStringLiteral("color: #666666"));
  column->addWidget(hint);
  auto* grid_widget = new QWidget(scroll_);
  grid_widget->setLayout(grid_);
  grid_->setContentsMargins(0, 0, 0, 0);
  grid_->setSpacing(6);
  scroll_->setObjectName("chart-scroll");
  scroll_->setWidgetResizable(true);
  scroll_->setFrameShape(QFrame::NoFrame);
  scroll_->setWidget(grid_widget);
  column->addWidget(scroll_, 1);
  charts_ = {new QueueChart(grid_widget),     new AttemptsChart(grid_widget),
             new DeferralsChart(grid_widget), new ReputationChart(grid_widget),
             new SpamRateChart(grid_widget),  new QuotaChart(grid_widget)};
  arrange(2);
  connect(provider_, &QComboBox::currentTextChanged, this, [this] { replot(); });
}

namespace {

ChartRuns chart_runs(const RunResult* current, const PinnedRun* pinned, const Scenario* scenario) {
  ChartRuns runs;
  runs.current = current;
  runs.scenario = scenario;
  if (pinned != nullptr) {
    runs.pinned = &pinned->result;
    runs.pinned_label = pinned->label;
  }
  return runs;
}

}  // namespace

void ChartPanel::plot(const RunResult* current, const PinnedRun* pinned, const Scenario& scenario) {
  scenario_ = scenario;
  runs_ = chart_runs(current, pinned, &scenario_);
  if (current == nullptr) return;
  fillProviders(*current, scenario);
  if (pinned != nullptr) {
    compare_note_->setText(
        QStringLiteral("Comparing runs: <b>solid, in colour</b> = current (B); <b>grey, dashed</b> = %1")
            .arg(pinned->label.toHtmlEscaped()));
  }
  compare_note_->setVisible(pinned != nullptr);
  replot();
}

void ChartPanel::clear(const QString& note) {
  runs_ = ChartRuns{};
  compare_note_->hide();
  const QSignalBlocker blocker(provider_);
  provider_->clear();
  for (RunChart* chart : charts_) chart->clear(note);
}

void ChartPanel::fillProviders(const RunResult& run, const Scenario& scenario) {
  QStringList names;
  for (const ProviderResult& provider : run.providers) {
    const bool has_identities =
        std::any_of(run.identities.begin(), run.identities.end(),
                    [&](const IdentityResult& i) { return i.provider == provider.name; });
    if (has_identities) names << QString::fromStdString(provider.name);
  }
  QStringList shown;
  for (int i = 0; i < provider_->count(); ++i) shown << provider_->itemText(i);
  if (names == shown) return;
  QString keep = provider_->currentText();
  if (!names.contains(keep)) {
    const ProviderSpec* judging = judging_provider(scenario);
    keep = judging != nullptr && names.contains(QString::fromStdString(judging->name))
               ? QString::fromStdString(judging->name)
               : names.value(0);
  }
  const QSignalBlocker blocker(provider_);
  provider_->clear();
  provider_->addItems(names);
  provider_->setCurrentText(keep);
}

void ChartPanel::replot() {
  runs_.provider = provider_->currentText().toStdString();
  for (RunChart* chart : charts_) chart->plot(runs_);
}

void ChartPanel::resizeEvent(QResizeEvent* event) {
  QWidget::resizeEvent(event);
  const int two_wide = 2 * charts_.front()->minimumWidth() + grid_->spacing() +
                       scroll_->verticalScrollBar()->sizeHint().width();
  arrange(event->size().width() >= two_wide ? 2 : 1);
}

void ChartPanel::arrange(int columns) {
  if (columns == columns_) return;
  columns_ = columns;
  for (RunChart* chart : charts_) grid_->removeWidget(chart);
  for (std::size_t i = 0; i < charts_.size(); ++i) {
    grid_->addWidget(charts_[i], static_cast<int>(i) / columns, static_cast<int>(i) % columns);
  }
  const int rows = static_cast<int>(charts_.size() + static_cast<std::size_t>(columns) - 1) / columns;
  for (int row = 0; row < static_cast<int>(charts_.size()); ++row)
    grid_->setRowStretch(row, row < rows ? 1 : 0);
  for (int column = 0; column < 2; ++column) grid_->setColumnStretch(column, column < columns ? 1 : 0);
}

}  // namespace delivsim::gui
