#include "ip_form_test.h"

#include <QComboBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableWidget>
#include <QTest>

#include "gui/form/ip_section.h"
#include "gui/main_window.h"
#include "test_scenarios.h"

namespace delivsim::gui::test {

namespace {

using Addresses = std::vector<std::string>;

const Scenario& scenario_of(MainWindow& window) {
  return *window.document().scenario();
}

/// The addresses of pool `name`, or none when there is no such pool.
Addresses pool_ips(MainWindow& window, const std::string& name) {
  for (const PoolSpec& pool : scenario_of(window).pools) {
    if (pool.name == name) return pool.ips;
  }
  return {};
}

QPushButton* button(MainWindow& window, const char* name) {
  return window.findChild<QPushButton*>(name);
}

/// The age chooser of IP row `row` (cell widgets are made anew on every refresh).
QComboBox* age_of(MainWindow& window, int row) {
  return qobject_cast<QComboBox*>(window.findChild<QTableWidget*>("ips")->cellWidget(row, 1));
}

}  // namespace

void IpFormTest::choosingAnotherPoolWritesTrafficPool() {
  auto window = window_with(shipped_scenario("split-ip-mixed"));
  QVERIFY(window != nullptr);
  window->findChild<QComboBox*>("traffic-entry")->setCurrentIndex(1);  // blast
  auto* pool = window->findChild<QComboBox*>("traffic-pool");
  QCOMPARE(pool->currentData().toString(), QStringLiteral("marketing"));
  QCOMPARE(pool->currentText(), QStringLiteral("marketing (192.0.2.10)"));
  pool->setCurrentIndex(pool->findData(QStringLiteral("transactional")));
  QTRY_COMPARE(scenario_of(*window).traffic[1].pool, std::string("transactional"));
  QCOMPARE(scenario_of(*window).traffic[0].pool, std::string("transactional"));
  QVERIFY(window->yamlEditor()->toPlainText().contains("pool: transactional\n    dkim_domain: news"));
}

void IpFormTest::addedIpJoinsTheTrafficPool() {
  auto window = window_with(shipped_scenario("split-ip-mixed"));
  QVERIFY(window != nullptr);
  window->findChild<QComboBox*>("traffic-entry")->setCurrentIndex(1);  // blast, on marketing
  button(*window, "add-ip")->click();
  QTRY_COMPARE(scenario_of(*window).ips.size(), std::size_t{3});
  const IpSpec& added = scenario_of(*window).ips.back();
  QCOMPARE(added.address, std::string("192.0.2.12"));
  QCOMPARE(added.age, IdentityAge::New);
  QCOMPARE(pool_ips(*window, "marketing"), (Addresses{"192.0.2.10", "192.0.2.12"}));
  QCOMPARE(pool_ips(*window, "transactional"), Addresses{"192.0.2.11"});
  QCOMPARE(window->findChild<QTableWidget*>("ips")->item(2, 3)->text(), QStringLiteral("marketing"));
}

void IpFormTest::ownPoolSplitsTrafficOffTheSharedIp() {
  auto window = window_with(shipped_scenario("shared-ip-mixed"));
  QVERIFY(window != nullptr);
  QSignalSpy edits(window->findChild<IpSection*>(), &FormSection::edited);
  QVERIFY(button(*window, "own-pool")->isEnabled());
  button(*window, "own-pool")->click();
  QCOMPARE(edits.count(), 1);  // IP, pool and traffic[0].pool in one change
  QTRY_COMPARE(scenario_of(*window).traffic[0].pool, std::string("receipts"));
  QVERIFY(window->document().valid());
  QCOMPARE(pool_ips(*window, "receipts"), Addresses{"192.0.2.11"});
  QVERIFY(window->yamlEditor()->toPlainText().contains("  receipts: [192.0.2.11]\n"));
  QCOMPARE(scenario_of(*window).ips.back().address, std::string("192.0.2.11"));
  QCOMPARE(scenario_of(*window).traffic[1].pool, std::string("marketing"));
  QVERIFY(!button(*window, "own-pool")->isEnabled());  // receipts now sends alone

  // Back onto the shared IP: a second split needs another pool name.
  auto* pool = window->findChild<QComboBox*>("traffic-pool");
  pool->setCurrentIndex(pool->findData(QStringLiteral("transactional")));
  QTRY_VERIFY(button(*window, "own-pool")->isEnabled());
  button(*window, "own-pool")->click();
  QTRY_COMPARE(scenario_of(*window).traffic[0].pool, std::string("receipts-2"));
  QCOMPARE(pool_ips(*window, "receipts-2"), Addresses{"192.0.2.12"});
}

void IpFormTest::ageSwitchWritesAValidPair() {
  auto window = window_with(shipped_scenario("shared-ip-mixed"));
  QVERIFY(window != nullptr);
  QCOMPARE(age_of(*window, 0)->currentText(), QStringLiteral("warm"));
  age_of(*window, 0)->setCurrentText("new");
  QTRY_COMPARE(scenario_of(*window).ips[0].age, IdentityAge::New);
  QCOMPARE(scenario_of(*window).ips[0].established_per_day, 0.0);
  QVERIFY(window->yamlEditor()->toPlainText().contains("{address: 192.0.2.10, age: new}"));
  age_of(*window, 0)->setCurrentText("warm");
  QTRY_COMPARE(scenario_of(*window).ips[0].age, IdentityAge::Warm);
  QCOMPARE(scenario_of(*window).ips[0].established_per_day, 10000.0);
  auto* per_day = qobject_cast<QSpinBox*>(window->findChild<QTableWidget*>("ips")->cellWidget(0, 2));
  per_day->setValue(50000);
  QTRY_COMPARE(scenario_of(*window).ips[0].established_per_day, 50000.0);
}

void IpFormTest::invalidAddressIsMarkedAndNotWritten() {
  auto window = window_with(shipped_scenario("split-ip-mixed"));
  QVERIFY(window != nullptr);
  const std::string before = window->document().text();
  auto* table = window->findChild<QTableWidget*>("ips");
  for (const QString& wrong : {QStringLiteral("192.0.2.300"), QStringLiteral("192.0.2.11")}) {
    table->item(0, 0)->setText(wrong);  // not an address; declared on the next row
    QTest::qWait(50);
    QVERIFY2(!table->item(0, 0)->toolTip().isEmpty(), qPrintable(wrong));
    QCOMPARE(window->document().text(), before);
  }
  table->item(0, 0)->setText(" 192.0.2.20 ");
  QTRY_COMPARE(scenario_of(*window).ips[0].address, std::string("192.0.2.20"));
  QCOMPARE(pool_ips(*window, "marketing"), Addresses{"192.0.2.20"});
  QVERIFY(table->item(0, 0)->toolTip().isEmpty());
}

void IpFormTest::removedIpLeavesEveryPool() {
  auto window = window_with(shipped_scenario("split-ip-mixed"));
  QVERIFY(window != nullptr);
  button(*window, "add-ip")->click();  // 192.0.2.12 joins receipts' pool, transactional
  QTRY_COMPARE(pool_ips(*window, "transactional"), (Addresses{"192.0.2.11", "192.0.2.12"}));
  auto* table = window->findChild<QTableWidget*>("ips");
  table->selectRow(0);  // 192.0.2.10, the only IP of marketing
  QVERIFY(!button(*window, "remove-ip")->isEnabled());
  table->selectRow(1);
  QVERIFY(button(*window, "remove-ip")->isEnabled());
  button(*window, "remove-ip")->click();
  QTRY_COMPARE(scenario_of(*window).ips.size(), std::size_t{2});
  QCOMPARE(scenario_of(*window).ips[1].address, std::string("192.0.2.12"));
  QCOMPARE(pool_ips(*window, "transactional"), Addresses{"192.0.2.12"});
  QCOMPARE(pool_ips(*window, "marketing"), Addresses{"192.0.2.10"});
}

}  // namespace delivsim::gui::test
