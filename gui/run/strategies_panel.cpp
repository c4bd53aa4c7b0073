#include "gui/run/strategies_panel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QSplitter>
#include <QVBoxLayout>
#include <algorithm>

#include "sim/batch/sweep_table.h"
#include "sim/output/duration_format.h"
#include "sim/output/number_format.h"

namespace delivsim::gui {

namespace {

/// The description column's width at first, pixels (the full text is in each cell's tooltip).
constexpr int kDescriptionWidth = 220;
const QString kStaleStyle =
    QStringLiteral("background: #fff3e0; color: #8a4b00; padding: 4px; border-radius: 3px;");

QString plural(std::int64_t count, std::string_view one, std::string_view many) {
  return QString::fromStdString(format_count_noun(count, one, many));
}

QString text_of(const std::string& text) {
  return QString::fromStdString(text);
}

/// "12 ms" or "3.4s", "2m 5s" (format_short_duration).
QString wall_text(double wall_seconds) {
  return QString::fromStdString(format_short_duration(wall_seconds));
}

/// The longest simulated time of the comparison's runs.
Duration simulated_time(const CompareResult& result) {
  Duration longest{0};
  for (const StrategyOutcome& strategy : result.strategies)
    longest = std::max(longest, strategy.replications.front().simulated);
  return longest;
}

/// What the file's sweep runs: its axes, points and objective.
QString sweep_description(const ScenarioBatch& batch) {
  QStringList axes;
  for (const SweepAxis& axis : batch.sweep_axes)
    axes << QStringLiteral("%1 (%2 values)").arg(text_of(axis.path)).arg(axis.values.size());
  QString text =
      QStringLiteral("Sweep: %1 over %2, %3 each.")
          .arg(plural(batch.sweep_points.size(), "point", "points"), axes.join(QStringLiteral(" \u00d7 ")),
               plural(batch.base.replications, "replication", "replications"));
  if (batch.objective)
    text += QStringLiteral(" Objective: ") + text_of(objective_text(*batch.objective)) + ".";
  return text;
}

}  // namespace

StrategiesPanel::StrategiesPanel(QWidget* parent)
    : QWidget(parent),
      listing_(new QLabel(this)),
      list_(new QTableWidget(this)),
      sweep_facts_(new QLabel(this)),
      compare_button_(new QToolButton(this)),
      sweep_button_(new QToolButton(this)),
      progress_(new QProgressBar(this)),
      cancel_(new QPushButton(QStringLiteral("Cancel"), this)),
      pages_(new QTabWidget(this)),
      table_(new StrategiesTable),
      series_(new QComboBox),
      chart_(new StrategiesChart),
      sweep_table_(new SweepPointsTable),
      sweep_chart_(new SweepObjectiveChart) {
  setObjectName("strategies-panel");
  listing_->setObjectName("strategies-listing");
  listing_->setWordWrap(true);
  list_->setObjectName("strategy-list");
  list_->setColumnCount(3);
  list_->setHorizontalHeaderLabels(
      {QStringLiteral("Strategy"), QStringLiteral("Overrides"), QStringLiteral("Description")});
  list_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  list_->setSelectionBehavior(QAbstractItemView::SelectRows);
  list_->verticalHeader()->hide();
  list_->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
  list_->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
  list_->horizontalHeader()->setSectionResizeMode(2, QHeaderView::Interactive);
  list_->horizontalHeader()->resizeSection(2, kDescriptionWidth);
  list_->setTextElideMode(Qt::ElideMiddle);
  list_->setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
  list_->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Maximum);
  list_->setMaximumHeight(160);
  sweep_facts_->setObjectName("sweep-facts");
  sweep_facts_->setWordWrap(true);
  for (QToolButton* button : {compare_button_, sweep_button_})
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
  progress_->setFormat(QStringLiteral("%v of %m runs"));
  progress_->hide();
  cancel_->setObjectName("strategies-cancel");
  cancel_->hide();
  connect(cancel_, &QPushButton::clicked, this, &StrategiesPanel::cancelRequested);
  series_->setObjectName("strategies-series");
  series_->addItems(strategy_series_names());
  connect(series_, &QComboBox::currentIndexChanged, this, &StrategiesPanel::replotOverlay);

  auto* chooser = new QWidget;
  auto* chooser_row = new QHBoxLayout(chooser);
  chooser_row->setContentsMargins(0, 0, 0, 0);
  chooser_row->addWidget(new QLabel(QStringLiteral("Over time:")));
  chooser_row->addWidget(series_);
  chooser_row->addStretch(1);
  pages_->setObjectName("strategies-results");
  pages_->addTab(
      buildPage(
          compare_page_,
          QStringLiteral("Compare strategies runs every strategy with the file's replications, as delivsim "
                         "compare does, and shows their headline figures and a line per strategy over time."),
          table_, chart_, chooser),
      QStringLiteral("Compare"));
  pages_->addTab(
      buildPage(sweep_page_,
                QStringLiteral("Sweep runs every point of the file's sweep: grid, as delivsim sweep "
                               "does, and shows each point's figures and the objective against the "
                               "swept values."),
                sweep_table_, sweep_chart_, nullptr),
      QStringLiteral("Sweep"));

  auto* buttons = new QHBoxLayout;
  buttons->addWidget(compare_button_);
  buttons->addWidget(sweep_button_);
  buttons->addWidget(progress_, 1);
  buttons->addWidget(cancel_);
  buttons->addStretch(0);  // keeps the buttons left while the progress is hidden
  auto* column = new QVBoxLayout(this);
  column->setContentsMargins(6, 6, 6, 6);
  column->addWidget(listing_);
  column->addWidget(list_);
  column->addWidget(sweep_facts_);
  column->addLayout(buttons);
  column->addWidget(pages_, 1);
  clear();
}

QWidget* StrategiesPanel::buildPage(Page& page, const QString& intro, QWidget* table, QWidget* chart,
                                    QWidget* chooser) {
  page.widget = new QWidget;
  page.intro = intro;
  page.facts = new QLabel(page.widget);
  page.facts->setWordWrap(true);
  page.facts->setTextInteractionFlags(Qt::TextSelectableByMouse);
  page.stale = new QLabel(page.widget);
  page.stale->setWordWrap(true);
  page.stale->setStyleSheet(kStaleStyle);
  page.stale->hide();
  auto* split = new QSplitter(Qt::Vertical, page.widget);
  split->addWidget(table);
  auto* lower = new QWidget;
  auto* lower_column = new QVBoxLayout(lower);
  lower_column->setContentsMargins(0, 0, 0, 0);
  if (chooser) lower_column->addWidget(chooser);
  lower_column->addWidget(chart, 1);
  split->addWidget(lower);
  split->setChildrenCollapsible(false);
  split->setStretchFactor(0, 1);  // the table as tall as the chart, so that a small window shows rows of both
  split->setStretchFactor(1, 1);
  page.content = split;
  auto* column = new QVBoxLayout(page.widget);
  column->setContentsMargins(0, 4, 0, 0);
  column->addWidget(page.facts);
  column->addWidget(page.stale);
  column->addWidget(split, 1);
  column->addStretch(0);  // keeps the facts on top while there is no result
  return page.widget;
}

void StrategiesPanel::setActions(QAction* compare, QAction* sweep) {
  compare_button_->setDefaultAction(compare);
  sweep_button_->setDefaultAction(sweep);
}

void StrategiesPanel::documentChanged(const ScenarioDocument& document) {
  document_text_ = document.text();
  markStale(compare_page_);
  markStale(sweep_page_);
  if (!document.valid()) return;  // the listing of the last valid text stays, as the charts do
  list_->setRowCount(0);
  sweep_facts_->clear();
  const YAML::Node& tree = document.tree();  // the const operator[] never adds the key
  if (!tree["strategies"] && !tree["sweep"]) {
    listing_->setText(
        QStringLiteral("This file has no strategies: or sweep:. A strategies: list names sets of overrides "
                       "(for example {name: gentle, set: {sender.destinations.gmail.max_smtp_out: 2}}) that "
                       "Run \u2192 Compare strategies runs side by side; a sweep: runs a grid of values."));
    return;
  }
  ScenarioBatch batch;
  try {
    batch = document.batch();
  } catch (const std::exception& e) {  // a strategy's override or the sweep is invalid
    listing_->setText(QStringLiteral("The strategies or the sweep cannot be read: ") + e.what());
    return;
  }
  listing_->setText(batch.strategies.empty()
                        ? QStringLiteral("Strategies: none (the file has no strategies: list).")
                        : QStringLiteral("%1, %2 each; the first is the reference of the differences.")
                              .arg(plural(batch.strategies.size(), "strategy", "strategies"),
                                   plural(batch.base.replications, "replication", "replications")));
  list_->setRowCount(static_cast<int>(batch.strategies.size()));
  for (std::size_t s = 0; s < batch.strategies.size(); ++s) {
    const ScenarioVariant& strategy = batch.strategies[s];
    const QString cells[] = {text_of(strategy.name), text_of(sweep_settings_text(strategy.settings)),
                             text_of(strategy.description)};
    for (int c = 0; c < 3; ++c) {
      auto* item = new QTableWidgetItem(cells[c]);
      item->setToolTip(cells[c]);
      list_->setItem(static_cast<int>(s), c, item);
    }
  }
  list_->setVisible(!batch.strategies.empty());
  if (batch.strategies.empty() != batch.sweep_points.empty()) {
    pages_->setCurrentWidget(batch.strategies.empty() ? sweep_page_.widget : compare_page_.widget);
  }
  sweep_facts_->setText(batch.sweep_points.empty()
                            ? QStringLiteral("Sweep: none (the file has no sweep: grid).")
                            : sweep_description(batch));
}

void StrategiesPanel::started(Kind kind, const std::string& source_text, const QString& source_name) {
  running_kind_ = kind;
  running_text_ = source_text;
  running_name_ = source_name;
  running_since_ = QDateTime::currentDateTime();
  document_text_ = source_text;
  page(kind).facts->setText(QStringLiteral("%1 %2 as it read at %3\u2026")
                                .arg(kind == Kind::Compare ? QStringLiteral("Comparing the strategies of")
                                                           : QStringLiteral("Sweeping"),
                                     source_name, running_since_.toString("HH:mm:ss")));
  pages_->setCurrentWidget(page(kind).widget);
  progress_->setRange(0, 0);  // busy until the first run reports the total
  progress_->show();
  cancel_->show();
}

void StrategiesPanel::setProgress(int done, int total) {
  progress_->setRange(0, total);
  progress_->setValue(done);
}

void StrategiesPanel::stopped() {
  progress_->hide();
  cancel_->hide();
  Page& running = page(running_kind_);
  running.facts->setText(running.shown ? running.result_facts : running.intro);
}

QString StrategiesPanel::runFacts(const QString& variants, int replications, std::uint64_t seed,
                                  const QString& command, double wall_seconds) const {
  return QStringLiteral(
             "%1 \u00d7 %2 (common random numbers, seed %3), as delivsim %4 runs them. Computed from %5 as "
             "it "
             "read at %6, in %7.")
      .arg(variants, plural(replications, "replication", "replications"))
      .arg(seed)
      .arg(command, running_name_, running_since_.toString("HH:mm:ss"), wall_text(wall_seconds));
}

void StrategiesPanel::showCompare(const CompareResult& result, double wall_seconds) {
  compare_ = result;
  const int failed = failed_expectations(result);
  QString facts = runFacts(plural(result.strategies.size(), "strategy", "strategies"), result.replications,
                           result.seed, QStringLiteral("compare"), wall_seconds);
  if (failed > 0) facts += QStringLiteral(" %1 failed.").arg(plural(failed, "expectation", "expectations"));
  table_->fill(result);
  replotOverlay();
  finish(compare_page_, facts);
}

void StrategiesPanel::showSweep(const SweepResult& result, double wall_seconds) {
  sweep_ = result;
  QString facts = runFacts(plural(result.points.size(), "point", "points"), result.replications, result.seed,
                           QStringLiteral("sweep"), wall_seconds);
  if (result.objective) {
    facts += QStringLiteral(" %1 of %2 met every constraint; best: %3.")
                 .arg(feasible_count(result))
                 .arg(plural(result.points.size(), "point", "points"))
                 .arg(result.best ? text_of(result.points[*result.best].name + " (" +
                                            sweep_settings_text(result.points[*result.best].settings) + ")")
                                  : QStringLiteral("none"));
  }
  sweep_table_->fill(result);
  sweep_chart_->plot(result);
  finish(sweep_page_, facts);
}

void StrategiesPanel::finish(Page& page, const QString& facts) {
  stopped();
  page.text = running_text_;
  page.since = running_since_;
  page.shown = true;
  page.result_facts = facts;
  page.facts->setText(facts);
  markStale(page);
}

bool StrategiesPanel::isStale(Kind kind) const {
  const Page& shown = kind == Kind::Compare ? compare_page_ : sweep_page_;
  return shown.stale->isVisibleTo(this);
}

void StrategiesPanel::markStale(Page& page) {
  const bool stale = page.shown && document_text_ != page.text;
  const bool compare = &page == &compare_page_;
  page.stale->setText(QStringLiteral("The scenario changed since this %1 (of the text at %2): %3 again to "
                                     "update it.")
                          .arg(compare ? QStringLiteral("comparison") : QStringLiteral("sweep"),
                               page.since.toString("HH:mm:ss"),
                               compare ? QStringLiteral("Compare strategies") : QStringLiteral("Sweep")));
  page.stale->setVisible(stale);
  page.content->setEnabled(!stale);
  page.content->setVisible(page.shown);
}

void StrategiesPanel::clear() {
  compare_.reset();
  sweep_.reset();
  for (Page* shown : {&compare_page_, &sweep_page_}) {
    shown->shown = false;
    shown->text.clear();
    shown->result_facts.clear();
    shown->facts->setText(shown->intro);
    shown->stale->hide();
    shown->content->setEnabled(true);
    shown->content->hide();
  }
  table_->clear();
  table_->setRowCount(0);
  table_->setColumnCount(0);
  chart_->clearChart();
  sweep_table_->clear();
  sweep_table_->setRowCount(0);
  sweep_table_->setColumnCount(0);
  sweep_chart_->clearChart();
}

void StrategiesPanel::replotOverlay() {
  if (!compare_ || series_->currentIndex() < 0) return;
  chart_->plot(*compare_, static_cast<StrategySeries>(series_->currentIndex()), simulated_time(*compare_));
}

}  // namespace delivsim::gui
