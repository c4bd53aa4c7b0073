#include "document_test.h"

#include <QSignalSpy>
#include <QTest>

#include "gui/document/scenario_document.h"
#include "test_scenarios.h"

namespace delivsim::gui::test {

namespace {

const YamlPath kGmailSmtpOut{std::string("sender"), std::string("destinations"), std::string("gmail"),
                             std::string("max_smtp_out")};

/// The lines of `text` that differ from `other`'s (same number of lines expected).
QStringList changed_lines(const std::string& text, const std::string& other) {
  const QStringList a = QString::fromStdString(text).split('\n');
  const QStringList b = QString::fromStdString(other).split('\n');
  if (a.size() != b.size()) return {QStringLiteral("line counts differ")};
  QStringList changed;
  for (qsizetype i = 0; i < a.size(); ++i) {
    if (a[i] != b[i]) changed << b[i];
  }
  return changed;
}

}  // namespace

void DocumentTest::openParsesTheScenario() {
  ScenarioDocument document;
  QString error;
  QVERIFY(document.open(whatif_scenario(), &error));
  QVERIFY2(document.valid(), qPrintable(document.error()));
  QCOMPARE(document.scenario()->name, std::string("whatif-100k"));
  QCOMPARE(document.displayName(), QStringLiteral("whatif-100k.yaml"));
  QVERIFY(!document.isModified());
}

void DocumentTest::scalarEditKeepsCommentsAndLayout() {
  ScenarioDocument document;
  QString error;
  QVERIFY(document.open(whatif_scenario(), &error));
  const std::string before = document.text();
  QSignalSpy replaced(&document, &ScenarioDocument::textReplaced);
  document.apply({{kGmailSmtpOut, scalar("5")}});
  QCOMPARE(replaced.count(), 1);
  QVERIFY(document.isModified());
  QCOMPARE(changed_lines(before, document.text()), QStringList{QStringLiteral("      max_smtp_out: 5")});
  QCOMPARE(document.scenario()->policy_for("gmail").max_smtp_out, 5);
  document.apply({{kGmailSmtpOut, scalar("8")}});
  QCOMPARE(document.text(), before);
  QVERIFY(!document.isModified());  // back to the file's text
}

void DocumentTest::structuralEditKeepsOpeningComment() {
  ScenarioDocument document;
  QString error;
  QVERIFY(document.open(whatif_scenario(), &error));
  const YamlPath destination{std::string("sender"), std::string("destinations"), std::string("gmail")};
  YamlPath retry = destination, retry_after = destination;
  retry.push_back(std::string("retry"));
  retry_after.push_back(std::string("retry_after"));
  document.apply({{retry, std::nullopt}, {retry_after, scalar("20m")}});
  QVERIFY2(document.valid(), qPrintable(document.error()));
  QVERIFY(
      document.text().starts_with("# yaml-language-server: $schema=../docs/scenario.schema.json\n"
                                  "# The GUI's typical what-if run"));
  const RetrySchedule& schedule = document.scenario()->policy_for("gmail").retry;
  QCOMPARE(schedule.kind, RetrySchedule::Kind::Fixed);
  QCOMPARE(schedule.interval, Duration(std::chrono::minutes(20)));
  QCOMPARE(document.scenario()->policy_for("gmail").max_smtp_out, 8);  // the rest is as it was
}

void DocumentTest::editThatWouldBreakTheScenarioIsRejected() {
  ScenarioDocument document;
  QString error;
  QVERIFY(document.open(whatif_scenario(), &error));
  const std::string before = document.text();
  QSignalSpy rejected(&document, &ScenarioDocument::editRejected);
  document.apply({{kGmailSmtpOut, scalar("0")}});
  QCOMPARE(rejected.count(), 1);
  QVERIFY(rejected.front().front().toString().contains("max_smtp_out"));
  QCOMPARE(document.text(), before);
  QVERIFY(document.valid());
}

void DocumentTest::invalidTextReportsFileLineColumn() {
  ScenarioDocument document;
  QString error;
  QVERIFY(document.open(whatif_scenario(), &error));
  std::string text = document.text();
  const std::string good = "max_smtp_out: 8";
  text.replace(text.find(good), good.size(), "max_smtp_out: -3");
  document.setText(text);
  QVERIFY(!document.valid());
  QVERIFY2(
      document.error().contains(QRegularExpression("whatif-100k\\.yaml:\\d+:\\d+: error: .*max_smtp_out")),
      qPrintable(document.error()));
  QVERIFY(document.errorLine() > 0);
  QCOMPARE(document.scenario()->policy_for("gmail").max_smtp_out, 8);  // the last valid scenario is kept
  document.setText("name: [unclosed");
  QVERIFY(!document.valid());
  QVERIFY2(document.error().contains(": error: "), qPrintable(document.error()));
}

void DocumentTest::editCreatesMissingKeys() {
  ScenarioDocument document;
  QString error;
  QVERIFY(document.open(shipped_scenario("pmta-seed-gmail"), &error));
  const YamlPath adaptive{std::string("sender"), std::string("destinations"), std::string("gmail"),
                          std::string("adaptive"), std::string("enabled")};
  document.apply({{adaptive, scalar("true")}});
  QVERIFY2(document.valid(), qPrintable(document.error()));
  QVERIFY(document.scenario()->policy_for("gmail").adaptive.enabled);
  QVERIFY(
      document.text().starts_with("# yaml-language-server: $schema=../docs/scenario.schema.json\n"
                                  "# Seed 000's PowerMTA domain block"));
}

}  // namespace delivsim::gui::test
