#include "editing_test.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollBar>
#include <QSignalSpy>
#include <QSplitter>
#include <QTableWidget>
#include <QTest>
#include <QTextBlock>
#include <QWheelEvent>
#include <algorithm>
#include <functional>
#include <vector>

#include "gui/document/yaml_editor.h"
#include "gui/form/form_panel.h"
#include "gui/form/form_pending_mark.h"
#include "gui/form/form_tooltips.h"
#include "gui/main_window.h"
#include "gui/run/run_controller.h"
#include "test_scenarios.h"

namespace delivsim::gui::test {

namespace {

/// whatif-100k in a shown 1024x700 window with the form in front; nullptr when it cannot be opened.
std::unique_ptr<MainWindow> shown_whatif() {
  auto window = window_with(whatif_scenario());
  if (window == nullptr) return nullptr;
  window->resize(1024, 700);
  window->show();
  if (!QTest::qWaitForWindowActive(window.get())) return nullptr;
  return window;
}

/// One notch of the mouse wheel turned towards the user over the middle of `widget`.
void wheel_down(QWidget* widget) {
  const QPointF middle(widget->width() / 2.0, widget->height() / 2.0);
  QWheelEvent event(middle, widget->mapToGlobal(middle), QPoint(), QPoint(0, -120), Qt::NoButton,
                    Qt::NoModifier, Qt::NoScrollPhase, false);
  QApplication::sendEvent(widget, &event);
}

/// A run of lines that differ between two texts: the old ones and the new ones in their place.
struct Hunk {
  QStringList removed;
  QStringList added;
};

/// The hunks of a line diff (longest common subsequence) from `before` to `after`.
std::vector<Hunk> line_diff(const std::string& before, const std::string& after) {
  const QStringList a = QString::fromStdString(before).split('\n');
  const QStringList b = QString::fromStdString(after).split('\n');
  const auto n = static_cast<std::size_t>(a.size());
  const auto m = static_cast<std::size_t>(b.size());
  std::vector<std::vector<int>> common(n + 1, std::vector<int>(m + 1, 0));  // LCS of the tails
  for (std::size_t i = n; i-- > 0;) {
    for (std::size_t j = m; j-- > 0;) {
      common[i][j] = a[static_cast<qsizetype>(i)] == b[static_cast<qsizetype>(j)]
                         ? common[i + 1][j + 1] + 1
                         : std::max(common[i + 1][j], common[i][j + 1]);
    }
  }
  std::vector<Hunk> hunks;
  bool open = false;
  std::size_t i = 0;
  std::size_t j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[static_cast<qsizetype>(i)] == b[static_cast<qsizetype>(j)]) {
      open = false;
      ++i;
      ++j;
      continue;
    }
    if (!open) hunks.emplace_back();
    open = true;
    if (j < m && (i == n || common[i][j + 1] >= common[i + 1][j])) {
      hunks.back().added << b[static_cast<qsizetype>(j++)];
    } else {
      hunks.back().removed << a[static_cast<qsizetype>(i++)];
    }
  }
  return hunks;
}

/// Empty when every line of `hunk` is a line of one of `keys` (a line starting with it, or one indented
/// deeper below it); else the first line that is not.
QString foreign_line(const Hunk& hunk, const QStringList& keys) {
  for (const QStringList& lines : {hunk.removed, hunk.added}) {
    qsizetype indent = -1;  // of the last key line
    for (const QString& line : lines) {
      const auto key =
          std::find_if(keys.begin(), keys.end(), [&](const QString& k) { return line.startsWith(k); });
      if (key != keys.end()) {
        indent = key->size() - key->trimmed().size();
        continue;
      }
      const qsizetype own = line.size() - QString(line).remove(QRegularExpression("^ +")).size();
      if (indent < 0 || own <= indent) return line;
    }
  }
  return {};
}

/// The reply patterns as whatif-100k quotes them.
const QStringList kQuotedPatterns{R"("421 4.7.0")", R"("421 4.7.28")", R"("421 4.2.1")", R"("421 4.3.2")"};

/// One kind of form field, how the case edits it, and the lines of the key it edits.
struct FieldEdit {
  const char* kind;
  std::function<void(MainWindow&)> act;
  QStringList keys;
};

template <typename T>
T* field(MainWindow& window, const char* name) {
  return window.findChild<T*>(name);
}

/// Types `text` into a line edit and finishes the edit as Enter would.
void type_into(QLineEdit* edit, const QString& text) {
  edit->setText(text);
  emit edit->editingFinished();
}

const std::vector<FieldEdit>& field_edits() {
  static const std::vector<FieldEdit> edits{
      {"spin box, key present",
       [](MainWindow& w) { field<QSpinBox>(w, "max-smtp-out")->setValue(6); },
       {"      max_smtp_out:"}},
      {"spin box, key absent",
       [](MainWindow& w) { field<QSpinBox>(w, "max-msg-rate")->setValue(900); },
       {"      max_msg_rate:"}},
      {"spin box showing its special value",
       [](MainWindow& w) { field<QSpinBox>(w, "max-msg-per-connection")->setValue(50); },
       {"      max_msg_per_connection:"}},
      {"spin box of seconds",
       [](MainWindow& w) { field<QSpinBox>(w, "idle-timeout")->setValue(60); },
       {"      idle_timeout:"}},
      {"line edit",
       [](MainWindow& w) { type_into(field<QLineEdit>(w, "bounce-after"), "4d"); },
       {"      bounce_after:"}},
      {"line edit replacing a key",
       [](MainWindow& w) { type_into(field<QLineEdit>(w, "retry"), "20m"); },
       {"      retry:", "      retry_after:"}},
      {"combo box",
       [](MainWindow& w) { field<QComboBox>(w, "retry-kind")->setCurrentIndex(1); },
       {"      retry:"}},
      {"check box",
       [](MainWindow& w) { field<QCheckBox>(w, "adaptive")->setChecked(true); },
       {"      adaptive:"}},
      {"table cell",
       [](MainWindow& w) { field<QTableWidget>(w, "patterns")->item(0, 2)->setText("40m"); },
       {R"(        - {match: "421 4.7.0", retry_after:)"}},
      {"table row added",
       [](MainWindow& w) {
         const auto buttons =
             field<QTableWidget>(w, "patterns")->parentWidget()->findChildren<QPushButton*>();
         for (QPushButton* button : buttons) {
           if (button->text() == "Add rule") button->click();
         }
       },
       {"        - {match: 421 4.7.28, retry_after: 1h}"}},
      {"nested spin box",
       [](MainWindow& w) { field<QSpinBox>(w, "warmup-ceiling")->setValue(30000); },
       {"        rule:"}},
      {"combo box replacing a block",
       [](MainWindow& w) { field<QComboBox>(w, "warmup-mode")->setCurrentIndex(1); },
       {"      warmup:"}},
      {"list item field",
       [](MainWindow& w) { field<QDoubleSpinBox>(w, "complaint-rate")->setValue(0.05); },
       {"        - {name: engaged,"}},
      {"double spin box",
       [](MainWindow& w) { field<QDoubleSpinBox>(w, "unknown-user-share")->setValue(2); },
       {"      unknown_user_share:"}},
      {"flow mapping field",
       [](MainWindow& w) { field<QDoubleSpinBox>(w, "stream-rate")->setValue(5000); },
       {"    stream:"}},
      {"provider share",
       [](MainWindow& w) { field<QDoubleSpinBox>(w, "share-other")->setValue(30); },
       {"    domains:"}},
      {"spin box in a table",
       [](MainWindow& w) {
         qobject_cast<QSpinBox*>(field<QTableWidget>(w, "ips")->cellWidget(0, 2))->setValue(6000);
       },
       {"    - {address: 203.0.113.30,"}},
  };
  return edits;
}

}  // namespace

void EditingTest::wheelOverUnfocusedFieldScrollsTheForm() {
  auto window = shown_whatif();
  QVERIFY(window != nullptr);
  auto* form = window->findChild<FormPanel*>("form");
  auto* complaint_rate = window->findChild<QDoubleSpinBox*>("complaint-rate");
  QVERIFY(form != nullptr && complaint_rate != nullptr);
  form->ensureWidgetVisible(complaint_rate);
  QVERIFY(!complaint_rate->hasFocus());
  const double value = complaint_rate->value();
  const std::string text = window->document().text();
  const int scrolled = form->verticalScrollBar()->value();
  QVERIFY(scrolled < form->verticalScrollBar()->maximum());
  wheel_down(complaint_rate);
  QTest::qWait(50);  // the form's edits reach the document queued
  QCOMPARE(complaint_rate->value(), value);
  QCOMPARE(window->document().text(), text);
  QVERIFY(!window->document().isModified());
  QVERIFY(form->verticalScrollBar()->value() > scrolled);
}

void EditingTest::wheelOverFocusedFieldStepsIt() {
  auto window = shown_whatif();
  QVERIFY(window != nullptr);
  auto* form = window->findChild<FormPanel*>("form");
  auto* complaint_rate = window->findChild<QDoubleSpinBox*>("complaint-rate");
  form->ensureWidgetVisible(complaint_rate);
  complaint_rate->setFocus(Qt::MouseFocusReason);
  QTRY_VERIFY(complaint_rate->hasFocus());
  const double value = complaint_rate->value();
  wheel_down(complaint_rate);
  QTRY_VERIFY(window->document().isModified());
  QVERIFY(complaint_rate->value() < value);
}

void EditingTest::quotedPatternsSurviveAnotherKeysEdit() {
  auto window = window_with(shipped_scenario("retry-backoff"));
  QVERIFY(window != nullptr);
  const std::string before = window->document().text();
  field<QSpinBox>(*window, "max-msg-rate")->setValue(900);  // a key the file does not have yet
  QTRY_VERIFY(window->document().text() != before);
  const QString text = QString::fromStdString(window->document().text());
  QVERIFY2(text.contains(R"(- {match: "421 4.7.0", retry_after: 30m})"), qPrintable(text));
  QVERIFY(text.contains(R"(- {match: "421 4.7.28", retry_after: 45m, max_smtp_out: 3, backoff: true})"));
  const std::vector<Hunk> hunks = line_diff(before, window->document().text());
  QCOMPARE(hunks.size(), std::size_t{1});
  QVERIFY(hunks.front().removed.isEmpty());
  QCOMPARE(hunks.front().added, QStringList{"      max_msg_rate: 900/h"});
}

void EditingTest::eachFieldChangesOnlyItsKeysLines() {
  for (const FieldEdit& edit : field_edits()) {
    auto window = window_with(whatif_scenario());
    QVERIFY(window != nullptr);
    const std::string before = window->document().text();
    edit.act(*window);
    QTRY_VERIFY2(window->document().text() != before, edit.kind);
    const std::string after = window->document().text();
    QVERIFY2(window->document().valid(), edit.kind);
    for (const QString& pattern : kQuotedPatterns) {
      QVERIFY2(QString::fromStdString(after).contains(pattern), edit.kind);
    }
    for (const Hunk& hunk : line_diff(before, after)) {
      const QString foreign = foreign_line(hunk, edit.keys);
      QVERIFY2(
          foreign.isEmpty(),
          qPrintable(
              QStringLiteral("%1 changed '%2':\n%3").arg(edit.kind, foreign, QString::fromStdString(after))));
    }
  }
}

void EditingTest::typedValueIsMarkedUntilApplied() {
  auto window = shown_whatif();
  QVERIFY(window != nullptr);
  const std::string before = window->document().text();
  auto* bounce_after = field<QLineEdit>(*window, "bounce-after");
  auto* connections = field<QSpinBox>(*window, "max-smtp-out");
  for (QWidget* typed : {static_cast<QWidget*>(bounce_after), static_cast<QWidget*>(connections)}) {
    QVERIFY(!FormPendingMark::isPending(typed));
    QVERIFY(!typed->font().italic());
  }
  bounce_after->setFocus();
  bounce_after->selectAll();
  QTest::keyClicks(bounce_after, "96h");
  connections->setFocus();  // leaving the field applies its text
  connections->selectAll();
  QTest::keyClicks(connections, "12");
  QVERIFY(FormPendingMark::isPending(connections));
  QVERIFY(connections->font().italic());
  QVERIFY(connections->toolTip().startsWith("Typed, not applied yet: press Enter"));
  QVERIFY(connections->toolTip().endsWith(knob_tooltip("max-smtp-out")));
  QVERIFY(!FormPendingMark::isPending(bounce_after));
  QTRY_COMPARE(window->document().scenario()->policy_for("gmail").bounce_after,
               Duration(std::chrono::hours(96)));
  QCOMPARE(window->document().scenario()->policy_for("gmail").max_smtp_out, 8);  // typed, not applied
  QTest::keyClick(connections, Qt::Key_Return);
  QVERIFY(!FormPendingMark::isPending(connections));
  QVERIFY(!connections->font().italic());
  QCOMPARE(connections->toolTip(), knob_tooltip("max-smtp-out"));
  QTRY_COMPARE(window->document().scenario()->policy_for("gmail").max_smtp_out, 12);
  QVERIFY(window->document().text() != before);
}

void EditingTest::yamlEditorNumbersLinesAndGoesToTheError() {
  auto window = shown_whatif();
  QVERIFY(window != nullptr);
  YamlEditor* editor = window->yamlEditor();
  auto* gutter = editor->findChild<QWidget*>("yaml-gutter");
  QVERIFY(gutter != nullptr);
  QCOMPARE(gutter->width(), editor->gutterWidth());
  QVERIFY(gutter->width() > editor->fontMetrics().horizontalAdvance("99"));  // the file has 40-odd lines
  const QString text = QString::fromStdString(window->document().text());
  const QString wrong = "      max_smtp_out: 0";
  editor->setPlainText(QString(text).replace("      max_smtp_out: 8", wrong));
  editor->commit();
  QVERIFY(!window->document().valid());
  const int line = static_cast<int>(text.left(text.indexOf("      max_smtp_out: 8")).count('\n')) + 1;
  QCOMPARE(window->document().errorLine(), line);
  QCOMPARE(window->document().errorColumn(), static_cast<int>(wrong.indexOf('0')) + 1);
  QVERIFY(window->scenarioStatus().contains(
      QStringLiteral(":%1:%2: error: ").arg(line).arg(wrong.indexOf('0') + 1)));
  QVERIFY(!editor->isVisible());  // the form is in front
  window->findChild<QAction*>("go-to-error")->trigger();
  QVERIFY(editor->isVisible());
  QCOMPARE(editor->textCursor().blockNumber() + 1, line);
  QCOMPARE(editor->textCursor().positionInBlock(), static_cast<int>(wrong.indexOf('0')));
}

void EditingTest::shapingKnobsNameTheirPowerMtaDirective() {
  auto window = window_with(whatif_scenario());
  QVERIFY(window != nullptr);
  const std::vector<std::pair<const char*, const char*>> knobs{
      {"max-smtp-out", "max-smtp-out"},
      {"max-msg-per-connection", "max-msg-per-connection"},
      {"max-msg-rate", "max-msg-rate"},
      {"idle-timeout", "connection-idle-timeout"},
      {"retry", "retry-after"},
      {"retry-kind", "retry-after"},
      {"bounce-after", "bounce-after"},
      {"adaptive", "mode=backoff"},
      {"patterns", "smtp-pattern-list"},
      {"patterns", "mode=backoff"},
      {"warmup-mode", "max-cold-virtual-mta-msg"},
  };
  for (const auto& [name, directive] : knobs) {
    auto* knob = window->findChild<QWidget*>(name);
    QVERIFY2(knob != nullptr, name);
    QVERIFY2(knob->toolTip().contains(QString("PowerMTA")), name);
    QVERIFY2(knob->toolTip().contains(QString(directive)), name);
  }
}

// Issue 12.12: the headline's cards grew with their figures, so when the results pane was at its minimum
// width (the splitter dragged towards it) a run took the width from the form and its fields shrank.
void EditingTest::fieldsKeepTheirWidthAfterARun() {
  auto window = shown_whatif();
  QVERIFY(window != nullptr);
  auto* form = window->findChild<FormPanel*>("form");
  auto* splitter = window->findChild<QSplitter*>("scenario-results-splitter");
  splitter->setSizes({window->width(), 0});  // the results pane at its minimum width
  const auto widths = [&] {
    QMap<QString, int> width;
    for (QWidget* field : form->widget()->findChildren<QWidget*>()) {
      if (!field->objectName().isEmpty() && field->isVisible()) width[field->objectName()] = field->width();
    }
    width["form"] = form->width();
    return width;
  };
  QTest::qWait(50);
  const QMap<QString, int> before = widths();
  QSignalSpy finished(&window->runs(), &RunController::finished);
  window->runNow();
  QVERIFY(finished.wait(kRunTimeoutMs));
  QTest::qWait(50);
  const QMap<QString, int> after = widths();
  for (auto it = before.begin(); it != before.end(); ++it) {
    QVERIFY2(after.value(it.key()) >= it.value(),
             qPrintable(QStringLiteral("%1: %2 px before the run, %3 after")
                            .arg(it.key())
                            .arg(it.value())
                            .arg(after.value(it.key()))));
  }
}

// Issue 12.12: at 1024x700 the form's pane was narrower than its fields (the horizontal scroll bar is off),
// so the spin boxes' arrows were cut off at the right edge.
void EditingTest::formFitsItsPaneAt1024x700() {
  auto window = window_with(shipped_scenario(QStringLiteral("shared-ip-mixed")));
  QVERIFY(window != nullptr);
  window->resize(1024, 700);
  window->show();
  QVERIFY(QTest::qWaitForWindowActive(window.get()));
  QTest::qWait(50);
  QCOMPARE(window->width(), 1024);  // the panes' minimum widths fit the window
  auto* form = window->findChild<FormPanel*>("form");
  QVERIFY(form->viewport()->width() >= form->widget()->minimumSizeHint().width());
  for (QAbstractSpinBox* field : form->widget()->findChildren<QAbstractSpinBox*>()) {
    if (!field->isVisible()) continue;
    const int right = field->mapTo(form->viewport(), QPoint(field->width(), 0)).x();
    QVERIFY2(right <= form->viewport()->width(), qPrintable(field->objectName()));
  }
}

}  // namespace delivsim::gui::test
