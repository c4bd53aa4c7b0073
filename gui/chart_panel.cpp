#include "gui/chart_panel.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>
#include <algorithm>

#include "gui/attempts_chart.h"
#include "gui/queue_chart.h"
#include "gui/quota_chart.h"
#include "gui/reputation_chart.h"
#include "gui/spam_rate_chart.h"

namespace delivsim::gui {

ChartPanel::ChartPanel(QWidget* parent)
    : QWidget(parent),
      provider_(new QComboBox(this)),
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
  column->addLayout(grid_, 1);
  grid_->setSpacing(6);
  charts_ = {new QueueChart(this), new AttemptsChart(this), new ReputationChart(this),
             new SpamRateChart(this), new QuotaChart(this)};
  arrange();
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
    compare_note_->setText(QStringLiteral("Comparing runs: <b>solid</b> = current (B), <b>dashed</b> = %1")
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
    const auto gmail =
        std::find_if(scenario.providers.begin(), scenario.providers.end(),
                     [](const ProviderSpec& p) { return p.profile == ProviderSpec::Profile::Gmail; });
    keep = gmail != scenario.providers.end() && names.contains(QString::fromStdString(gmail->name))
               ? QString::fromStdString(gmail->name)
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

void ChartPanel::arrange() {
  for (std::size_t i = 0; i < 4; ++i)
    grid_->addWidget(charts_[i], static_cast<int>(i / 2), static_cast<int>(i % 2));
  grid_->addWidget(charts_[4], 2, 0, 1, 2);
  for (int row = 0; row < 3; ++row) grid_->setRowStretch(row, 1);
  for (int column = 0; column < 2; ++column) grid_->setColumnStretch(column, 1);
}

}  // namespace delivsim::gui
