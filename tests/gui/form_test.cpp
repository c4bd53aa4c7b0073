#include "form_test.h"

#include <QComboBox>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QTest>

#include "gui/main_window.h"
#include "test_scenarios.h"

namespace delivsim::gui::test {

namespace {

/// A window holding `scenario`, with automatic runs off (these tests look at the text only).
std::unique_ptr<MainWindow> window_with(const QString& scenario) {
  auto window = std::make_unique<MainWindow>();
  window->setAutoRun(false);
  if (!window->openFile(scenario)) return nullptr;
  return window;
}

const DestinationPolicy& gmail_policy(MainWindow& window) {
  return window.document().scenario()->policy_for("gmail");
}

/// Types `text` into a line edit and finishes the edit as Enter would.
void type_into(QLineEdit* edit, const QString& text) {
  edit->setText(text);
  emit edit->editingFinished();
}

}  // namespace

void FormTest::campaignSizeIsWritten() {
  auto window = window_with(shipped_scenario("pmta-seed-gmail"));
  QVERIFY(window != nullptr);
  auto* recipients = window->findChild<QSpinBox*>("recipients");
  QCOMPARE(recipients->value(), 20000);
  recipients->setValue(35000);
  QTRY_COMPARE(window->document().scenario()->traffic.front().campaign->recipients, std::int64_t{35000});
  QVERIFY(window->yamlEditor()->toPlainText().contains("campaign: {recipients: 35000, at: 0h}"));
}

void FormTest::complaintRateCreatesTheSegmentList() {
  auto window = window_with(shipped_scenario("pmta-seed-gmail"));
  QVERIFY(window != nullptr);
  window->findChild<QDoubleSpinBox*>("complaint-rate")->setValue(0.2);
  QTRY_COMPARE(window->document().scenario()->traffic.front().list.segments.front().complaint_rate, 0.002);
  const EngagementSegment& segment = window->document().scenario()->traffic.front().list.segments.front();
  QCOMPARE(segment.name, std::string("all"));
  QCOMPARE(segment.open_rate, 0.2);  // the default, not written
  QVERIFY(window->document().valid());
}

void FormTest::retryListReplacesRetryAfter() {
  auto window = window_with(shipped_scenario("pmta-seed-gmail"));
  QVERIFY(window != nullptr);
  type_into(window->findChild<QLineEdit*>("retry"), "15m, 1h, 4h");
  QTRY_COMPARE(gmail_policy(*window).retry.kind, RetrySchedule::Kind::List);
  QCOMPARE(gmail_policy(*window).retry.offsets.size(), std::size_t{3});
  QVERIFY(!window->yamlEditor()->toPlainText().contains("retry_after"));
  type_into(window->findChild<QLineEdit*>("retry"), "20m");
  QTRY_COMPARE(gmail_policy(*window).retry.kind, RetrySchedule::Kind::Fixed);
  QCOMPARE(gmail_policy(*window).retry.interval, Duration(std::chrono::minutes(20)));
}

void FormTest::invalidDurationIsMarkedAndNotWritten() {
  auto window = window_with(shipped_scenario("pmta-seed-gmail"));
  QVERIFY(window != nullptr);
  const std::string before = window->document().text();
  auto* bounce_after = window->findChild<QLineEdit*>("bounce-after");
  type_into(bounce_after, "three days");
  QTest::qWait(50);
  QVERIFY(!bounce_after->toolTip().isEmpty());
  QCOMPARE(window->document().text(), before);
  type_into(bounce_after, "2d");
  QTRY_COMPARE(gmail_policy(*window).bounce_after, Duration(std::chrono::hours(48)));
  QVERIFY(bounce_after->toolTip().isEmpty());
}

void FormTest::addedPatternRowBecomesARule() {
  auto window = window_with(shipped_scenario("pmta-seed-gmail"));
  QVERIFY(window != nullptr);
  QVERIFY(gmail_policy(*window).patterns.empty());
  auto* table = window->findChild<QTableWidget*>("patterns");
  const auto buttons = table->parentWidget()->findChildren<QPushButton*>();
  const auto add =
      std::find_if(buttons.begin(), buttons.end(), [](auto* b) { return b->text() == "Add rule"; });
  QVERIFY(add != buttons.end());
  (*add)->click();
  QTRY_COMPARE(gmail_policy(*window).patterns.size(), std::size_t{1});
  table->item(0, 2)->setText("2h");
  QTRY_COMPARE(gmail_policy(*window).patterns.front().retry_after,
               std::optional<Duration>(std::chrono::hours(2)));
  qobject_cast<QComboBox*>(table->cellWidget(0, 1))->setCurrentText("suspend_for");
  QTRY_COMPARE(gmail_policy(*window).patterns.front().suspend_for,
               std::optional<Duration>(std::chrono::hours(2)));
  QCOMPARE(gmail_policy(*window).patterns.front().pattern, std::string("421 4.7.28"));
}

void FormTest::warmupModeSwitchWritesASchedule() {
  auto window = window_with(whatif_scenario());
  QVERIFY(window != nullptr);
  QCOMPARE(gmail_policy(*window).warmup.kind, WarmupSchedule::Kind::Rule);
  window->findChild<QSpinBox*>("warmup-ceiling")->setValue(30000);
  QTRY_COMPARE(gmail_policy(*window).warmup.ceiling, std::int64_t{30000});
  window->findChild<QComboBox*>("warmup-mode")->setCurrentIndex(1);
  QTRY_COMPARE(gmail_policy(*window).warmup.kind, WarmupSchedule::Kind::Table);
  type_into(window->findChild<QLineEdit*>("warmup-table"), "500, 1000, 2000");
  QTRY_COMPARE(gmail_policy(*window).warmup.table, (std::vector<std::int64_t>{500, 1000, 2000}));
  window->findChild<QComboBox*>("warmup-mode")->setCurrentIndex(0);
  QTRY_COMPARE(gmail_policy(*window).warmup.kind, WarmupSchedule::Kind::None);
}

}  // namespace delivsim::gui::test
