#include "form_test.h"

#include <QComboBox>
#include <QFile>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

#include "gui/form/form_tooltips.h"
#include "gui/form/provider_mix.h"
#include "gui/main_window.h"
#include "test_scenarios.h"

namespace delivsim::gui::test {

namespace {

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
  QVERIFY(bounce_after->toolTip().endsWith(knob_tooltip("bounce-after")));  // the problem above the knob's
  QVERIFY(bounce_after->toolTip() != knob_tooltip("bounce-after"));
  QCOMPARE(window->document().text(), before);
  type_into(bounce_after, "2d");
  QTRY_COMPARE(gmail_policy(*window).bounce_after, Duration(std::chrono::hours(48)));
  QCOMPARE(bounce_after->toolTip(), knob_tooltip("bounce-after"));
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

void FormTest::chosenTrafficEntryIsEdited() {
  auto window = window_with(shipped_scenario("split-ip-mixed"));
  QVERIFY(window != nullptr);
  auto* entries = window->findChild<QComboBox*>("traffic-entry");
  QCOMPARE(entries->count(), 2);
  QCOMPARE(entries->itemText(1), QStringLiteral("blast (campaign)"));
  auto* recipients = window->findChild<QSpinBox*>("recipients");
  QVERIFY(recipients->isHidden());  // receipts is a stream
  entries->setCurrentIndex(1);
  QCOMPARE(recipients->value(), 150000);
  recipients->setValue(120000);
  QTRY_COMPARE(window->document().scenario()->traffic[1].campaign->recipients, std::int64_t{120000});
  window->findChild<QDoubleSpinBox*>("unknown-user-share")->setValue(3);
  QTRY_COMPARE(window->document().scenario()->traffic[1].list.unknown_user_share, 0.03);
  QCOMPARE(window->document().scenario()->traffic[0].list.unknown_user_share, 0.001);
  QCOMPARE(entries->currentIndex(), 1);  // the choice outlives the edits' refresh
}

void FormTest::chosenDestinationIsShaped() {
  auto window = window_with(shipped_scenario("split-ip-mixed"));
  QVERIFY(window != nullptr);
  auto* destinations = window->findChild<QComboBox*>("destination");
  QCOMPARE(destinations->currentText(), QStringLiteral("gmail"));
  const int gmail_connections = gmail_policy(*window).max_smtp_out;
  destinations->setCurrentText(QStringLiteral("other"));
  window->findChild<QSpinBox*>("max-smtp-out")->setValue(3);
  QTRY_COMPARE(window->document().scenario()->policy_for("other").max_smtp_out, 3);
  QCOMPARE(gmail_policy(*window).max_smtp_out, gmail_connections);
  QVERIFY(window->yamlEditor()->toPlainText().contains("other"));
}

void FormTest::exponentialRetryIsEditable() {
  auto window = window_with(shipped_scenario("pmta-seed-gmail"));
  QVERIFY(window != nullptr);
  window->findChild<QComboBox*>("retry-kind")->setCurrentIndex(1);
  QTRY_COMPARE(gmail_policy(*window).retry.kind, RetrySchedule::Kind::Exponential);
  QVERIFY(!window->yamlEditor()->toPlainText().contains("retry_after"));
  type_into(window->findChild<QLineEdit*>("retry-initial"), "2m");
  QTRY_COMPARE(gmail_policy(*window).retry.initial, Duration(std::chrono::minutes(2)));
  type_into(window->findChild<QLineEdit*>("retry-max"), "1m");  // shorter than the first delay
  QTest::qWait(50);
  QVERIFY(!window->findChild<QLineEdit*>("retry-max")->toolTip().isEmpty());
  type_into(window->findChild<QLineEdit*>("retry-max"), "3h");
  QTRY_COMPARE(gmail_policy(*window).retry.max, Duration(std::chrono::hours(3)));
  window->findChild<QDoubleSpinBox*>("retry-factor")->setValue(3);
  QTRY_COMPARE(gmail_policy(*window).retry.factor, 3.0);
  window->findChild<QDoubleSpinBox*>("retry-jitter")->setValue(20);
  QTRY_COMPARE(gmail_policy(*window).retry.jitter, 0.2);
  QCOMPARE(gmail_policy(*window).retry.initial, Duration(std::chrono::minutes(2)));
  window->findChild<QComboBox*>("retry-kind")->setCurrentIndex(0);
  QTRY_COMPARE(gmail_policy(*window).retry.kind, RetrySchedule::Kind::Fixed);
  QCOMPARE(gmail_policy(*window).retry.interval, Duration(std::chrono::minutes(10)));
}

void FormTest::providerShareRescalesTheOthers() {
  QTemporaryDir dir;
  const QString file = dir.filePath("three-providers.yaml");
  QFile out(file);
  QVERIFY(out.open(QIODevice::WriteOnly));
  out.write(R"(name: three-providers
identities:
  ips: [{address: 198.51.100.20}]
  domains: [{name: example.com}]
pools: {main: [198.51.100.20]}
traffic:
  - {name: list, pool: main, dkim_domain: example.com, campaign: {recipients: 1000},
     domains: {gmail.com: 0.5, yahoo.com: 0.3, example.net: 0.2}}
providers:
  gmail: {profile: gmail, domains: [gmail.com, googlemail.com]}
  yahoo: {profile: generic, domains: [yahoo.com]}
  other: {profile: generic, domains: ["*"]}
)");
  out.close();
  auto window = window_with(file);
  QVERIFY(window != nullptr);
  const auto mix = [&] { return window->document().scenario()->traffic.front().domain_mix; };
  auto* yahoo = window->findChild<QDoubleSpinBox*>("share-yahoo");
  QVERIFY(yahoo != nullptr);
  QCOMPARE(yahoo->value(), 30.0);
  QCOMPARE(window->findChild<QDoubleSpinBox*>("share-other")->value(), 20.0);
  yahoo->setValue(50);
  QTRY_COMPARE(mix(), (DomainMix{{"gmail.com", 0.3571}, {"yahoo.com", 0.5}, {"example.net", 0.1429}}));
  window->findChild<QDoubleSpinBox*>("share-other")->setValue(0);
  QTRY_COMPARE(mix(), (DomainMix{{"gmail.com", 0.4166}, {"yahoo.com", 0.5834}}));
  window->findChild<QDoubleSpinBox*>("share-other")->setValue(10);  // a stand-in domain for the catch-all
  QTRY_COMPARE(mix(), (DomainMix{{"gmail.com", 0.3749}, {"yahoo.com", 0.5251}, {"example.net", 0.1}}));
  QVERIFY(window->document().valid());
}

void FormTest::chosenSegmentIsEdited() {
  auto window = window_with(shipped_scenario("gmail-cold-blast"));
  QVERIFY(window != nullptr);
  const auto segments = [&] { return window->document().scenario()->traffic.front().list.segments; };
  auto* chooser = window->findChild<QComboBox*>("segment");
  QCOMPARE(chooser->count(), 2);
  QCOMPARE(chooser->itemText(1), QStringLiteral("casual (60 %)"));
  chooser->setCurrentIndex(1);
  QCOMPARE(window->findChild<QDoubleSpinBox*>("open-rate")->value(), 8.0);
  window->findChild<QDoubleSpinBox*>("complaint-rate")->setValue(0.2);
  QTRY_COMPARE(segments()[1].complaint_rate, 0.002);
  QCOMPARE(segments()[0].complaint_rate, 0.0003);
  QCOMPARE(chooser->currentIndex(), 1);  // still the chosen segment after the refresh
  window->findChild<QDoubleSpinBox*>("segment-share")->setValue(75);
  QTRY_COMPARE(segments()[1].share, 0.75);
  QCOMPARE(segments()[0].share, 0.25);
  window->findChild<QDoubleSpinBox*>("not-spam-rate")->setValue(1.5);
  QTRY_COMPARE(segments()[1].not_spam_rate, 0.015);
  window->findChild<QDoubleSpinBox*>("spam-trap-share")->setValue(0.05);
  QTRY_COMPARE(window->document().scenario()->traffic.front().list.spam_trap_share, 0.0005);
  QVERIFY(window->document().valid());
}

}  // namespace delivsim::gui::test
