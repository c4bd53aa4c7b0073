#include "gui/run/robust_panel.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QVBoxLayout>

#include "sim/output/duration_format.h"
#include "sim/output/headline.h"
#include "sim/output/number_format.h"
#include "sim/output/world_share_text.h"

namespace delivsim::gui {

namespace {

QString plural(std::int64_t count, std::string_view one, std::string_view many) {
  return QString::fromStdString(format_count_noun(count, one, many));
}

}  // namespace

RobustPanel::RobustPanel(QWidget* parent)
    : QWidget(parent),
      facts_(new QLabel(this)),
      stale_(new QLabel(this)),
      progress_(new QProgressBar(this)),
      cancel_(new QPushButton(QStringLiteral("Cancel"), this)),
      table_(new RobustShareTable(this)),
      strategy_(new QComboBox(this)),
      figure_(new QComboBox(this)),
      verdict_(new QLabel(this)),
      tornado_(new TornadoChart(this)) {
  facts_->setObjectName("robust-facts");
  facts_->setWordWrap(true);
  facts_->setText(
      QStringLiteral("Run \u2192 Robust compare runs the file's strategies in many plausible "
                     "receiver worlds."));
  stale_->setObjectName("robust-stale");
  stale_->setWordWrap(true);
  stale_->setStyleSheet("background: #fff3e0; color: #8a4b00; padding: 4px; border-radius: 3px;");
  stale_->hide();
  progress_->setFormat(QStringLiteral("%v of %m runs"));
  progress_->hide();
  cancel_->setObjectName("robust-cancel");
  cancel_->hide();
  connect(cancel_, &QPushButton::clicked, this, &RobustPanel::cancelRequested);
  strategy_->setObjectName("robust-strategy");
  figure_->setObjectName("robust-figure");
  for (const HeadlineFigure& figure : headline_figures()) {
    figure_->addItem(QString::fromUtf8(figure.label.data(), static_cast<qsizetype>(figure.label.size())));
  }
  verdict_->setObjectName("robust-verdict");
  verdict_->setWordWrap(true);
  verdict_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  connect(strategy_, &QComboBox::currentIndexChanged, this, &RobustPanel::choiceChanged);
  connect(figure_, &QComboBox::currentIndexChanged, this, &RobustPanel::choiceChanged);

  auto* running = new QHBoxLayout;
  running->addWidget(progress_, 1);
  running->addWidget(cancel_);
  auto* figure_row = new QFormLayout;
  figure_row->addRow(QStringLiteral("Figure:"), figure_);
  auto* strategy_row = new QFormLayout;
  strategy_row->addRow(QStringLiteral("Strategy:"), strategy_);
  auto* column = new QVBoxLayout(this);
  column->setContentsMargins(6, 6, 6, 6);
  column->addWidget(facts_);
  column->addLayout(running);
  column->addWidget(stale_);
  column->addLayout(figure_row);
  column->addWidget(table_);
  column->addLayout(strategy_row);
  column->addWidget(verdict_);
  column->addWidget(tornado_, 1);
  clear();
}

void RobustPanel::started(const std::string& source_text, const QString& source_name) {
  running_text_ = source_text;
  running_name_ = source_name;
  running_since_ = QDateTime::currentDateTime();
  document_text_ = source_text;
  facts_->setText(QStringLiteral("Comparing the strategies of %1 as it read at %2\u2026")
                      .arg(source_name, running_since_.toString("HH:mm:ss")));
  progress_->setRange(0, 0);  // busy until the first run reports the total
  progress_->show();
  cancel_->show();
}

void RobustPanel::setProgress(int done, int total) {
  progress_->setRange(0, total);
  progress_->setValue(done);
}

void RobustPanel::stopped() {
  progress_->hide();
  cancel_->hide();
}

void RobustPanel::showResult(const RobustResult& result, double wall_seconds) {
  stopped();
  result_ = result;
  result_text_ = running_text_;
  const WorldDesign& design = result.design;
  facts_->setText(
      QStringLiteral(
          "%1 \u00d7 %2 (%3 varied, Latin hypercube seed %4), %5 per world. Computed from %6 as it "
          "read at %7, in %8.")
          .arg(plural(result.strategies.size(), "strategy", "strategies"),
               plural(design.values.size(), "receiver world", "receiver worlds"),
               plural(design.varied.size(), "assumed parameter", "assumed parameters"))
          .arg(design.seed)
          .arg(plural(result.replications, "replication", "replications"), running_name_,
               running_since_.toString("HH:mm:ss"),
               QString::fromStdString(format_short_duration(wall_seconds))));
  const QSignalBlocker block(strategy_);
  strategy_->clear();
  for (const RobustStrategy& strategy : result.strategies)
    strategy_->addItem(QString::fromStdString(strategy.name));
  strategy_->setCurrentIndex(result.strategies.size() > 1 ? 1 : 0);
  choiceChanged();
  documentChanged(document_text_);
}

void RobustPanel::documentChanged(const std::string& text) {
  document_text_ = text;
  const bool stale = result_ && text != result_text_;
  stale_->setText(QStringLiteral("The scenario changed since this comparison (of the text at %1): run "
                                 "Robust compare again to update it.")
                      .arg(running_since_.toString("HH:mm:ss")));
  stale_->setVisible(stale);
  for (QWidget* view :
       {static_cast<QWidget*>(table_), static_cast<QWidget*>(verdict_), static_cast<QWidget*>(tornado_)}) {
    view->setEnabled(!stale);
  }
}

void RobustPanel::clear() {
  result_.reset();
  result_text_.clear();
  table_->clear();
  table_->setRowCount(0);
  table_->setColumnCount(0);
  strategy_->clear();
  verdict_->clear();
  tornado_->clearChart();
  stale_->hide();
}

void RobustPanel::choiceChanged() {
  if (!result_ || strategy_->currentIndex() < 0 || figure_->currentIndex() < 0) return;
  const auto s = static_cast<std::size_t>(strategy_->currentIndex());
  const auto f = static_cast<std::size_t>(figure_->currentIndex());
  table_->fill(*result_, f);
  const int worlds = static_cast<int>(result_->design.values.size());
  verdict_->setText(s > 0 ? QString::fromStdString(robust_verdict(*result_, s, f))
                          : QStringLiteral("%1 is the reference: best in %2 of %3 worlds.")
                                .arg(QString::fromStdString(result_->strategies[s].name),
                                     QString::fromStdString(
                                         format_world_share(result_->strategies[s].figures[f].best_share)))
                                .arg(worlds));
  tornado_->plot(*result_, s, f);
}

}  // namespace delivsim::gui
