#include "desktop_test.h"

#include <QAction>
#include <QApplication>
#include <QColor>
#include <QCommandLinkButton>
#include <QDockWidget>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTest>
#include <QTextCursor>
#include <QTimer>
#include <QToolBar>
#include <algorithm>

#include "gui/about.h"
#include "gui/app_settings.h"
#include "gui/document/scenario_templates.h"
#include "gui/document/template_dialog.h"
#include "gui/main_window.h"
#include "gui/recent_files.h"
#include "gui/shipped_files.h"
#include "sim/yaml/source_text.h"
#include "test_scenarios.h"

namespace delivsim::gui::test {

namespace {

QAction* action(const MainWindow& window, const char* name) {
  return window.findChild<QAction*>(QString::fromLatin1(name));
}

/// The titles of the menu `name`'s entries after it was opened (some menus fill themselves then).
QStringList entries(const MainWindow& window, const char* name) {
  auto* menu = window.findChild<QMenu*>(QString::fromLatin1(name));
  emit menu->aboutToShow();
  QStringList titles;
  for (const QAction* entry : menu->actions()) {
    if (!entry->isSeparator()) titles.append(entry->text());
  }
  return titles;
}

}  // namespace

void DesktopTest::initTestCase() {
  QVERIFY(settings_.isValid());
  QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, settings_.path());
}

void DesktopTest::init() {
  app_settings()->clear();
}

void DesktopTest::cleanupTestCase() {
  QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope,
                     QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation));
}

void DesktopTest::menusAndShortcutsExist() {
  MainWindow window;
  QStringList menus;
  for (const QAction* menu : window.menuBar()->actions()) menus.append(menu->text());
  QCOMPARE(menus, QStringList({"&File", "&Edit", "&Run", "&View", "&Help"}));
  QCOMPARE(action(window, "new")->shortcut(), QKeySequence(QStringLiteral("Ctrl+N")));
  QCOMPARE(action(window, "open")->shortcut(), QKeySequence(QKeySequence::Open));
  QCOMPARE(action(window, "save")->shortcut(), QKeySequence(QKeySequence::Save));
  QCOMPARE(action(window, "save-as")->shortcut(), QKeySequence(QStringLiteral("Ctrl+Shift+S")));
  QCOMPARE(action(window, "quit")->shortcut(), QKeySequence(QStringLiteral("Ctrl+Q")));
  QCOMPARE(action(window, "undo")->shortcut(), QKeySequence(QStringLiteral("Ctrl+Z")));
  QCOMPARE(action(window, "redo")->shortcuts(),
           QList<QKeySequence>(
               {QKeySequence(QStringLiteral("Ctrl+Shift+Z")), QKeySequence(QStringLiteral("Ctrl+Y"))}));
  QVERIFY(entries(window, "menu-file").contains("New from &template\u2026"));
  QVERIFY(entries(window, "menu-file").contains("Open &Recent"));
  QVERIFY(entries(window, "menu-help").contains("&About delivsim"));
  QVERIFY(entries(window, "menu-help").contains("&Scenario format"));
  const QStringList view = entries(window, "menu-view");
  QVERIFY(view.contains(window.findChild<QDockWidget*>("robust-dock")->toggleViewAction()->text()));
  QVERIFY(view.contains(window.findChild<QToolBar*>("main-toolbar")->toggleViewAction()->text()));
  QVERIFY(view.contains("&Reset layout"));
}

void DesktopTest::aboutNamesVersionQtAndTheModelsLimits() {
  const QString text = about_text(shipped_docs_folder());
  QCOMPARE(delivsim_version(), QStringLiteral("0.1.0"));  // CMake's PROJECT_VERSION
  QVERIFY(text.contains("delivsim 0.1.0"));
  QVERIFY(text.contains(QString::fromLatin1(qVersion())));
  QVERIFY(text.contains("nobody outside Google knows Gmail's real filtering"));
  QVERIFY(text.contains(QStringLiteral(DELIVSIM_SOURCE_DIR "/docs/model.md")));
  QVERIFY(QFileInfo::exists(QStringLiteral(DELIVSIM_SOURCE_DIR "/docs/model.md")));
}

void DesktopTest::shippedFilesAreFound() {
  QCOMPARE(shipped_scenarios_folder(),
           QStringLiteral(DELIVSIM_SOURCE_DIR "/scenarios"));  // a build tree's program
  QCOMPARE(shipped_docs_folder(), QStringLiteral(DELIVSIM_SOURCE_DIR "/docs"));
  qputenv("DELIVSIM_SCENARIOS", settings_.path().toUtf8());
  QCOMPARE(shipped_scenarios_folder(), settings_.path());
  qunsetenv("DELIVSIM_SCENARIOS");
}

void DesktopTest::windowShowsTheMenusIcon() {
  const MainWindow window;
  QVERIFY(QApplication::windowIcon().isNull());  // so the icon below is the window's own
  const QImage icon = window.windowIcon().pixmap(QSize(32, 32)).toImage();
  QCOMPARE(icon.size(), QSize(32, 32));                           // the SVG resource was found and drawn
  QCOMPARE(QColor(icon.pixel(16, 4)), QColor(0x1d, 0x4f, 0x91));  // packaging/delivsim.svg's blue tile
}

void DesktopTest::everyTemplateIsDescribed() {
  const std::vector<ScenarioTemplate> templates = scenario_templates(shipped_scenarios_folder());
  QVERIFY(templates.size() >= 10);
  for (const ScenarioTemplate& shipped : templates) {
    QVERIFY2(shipped.description.size() > 40, qPrintable(shipped.name));
  }
  const auto whatif = std::find_if(templates.begin(), templates.end(),
                                   [](const ScenarioTemplate& t) { return t.name == "whatif-100k"; });
  QVERIFY(whatif != templates.end());
  QVERIFY(
      whatif->description.startsWith("The GUI's typical what-if run: 100,000 messages spread over 14 days"));
  QVERIFY(scenario_templates(settings_.path() + "/none").empty());
}

void DesktopTest::openingCommentKeepsParagraphsAndItems() {
  QCOMPARE(
      opening_comment("# One line\n# goes on.\n#\n# Shows: this.\n# - a\n#   b\n# - c\nname: x\n# later\n"),
      QStringLiteral("One line goes on.\n\nShows: this.\n- a b\n- c"));
  QCOMPARE(opening_comment("# What it is.\n# Shows: what.\nname: x\n"),
           QStringLiteral("What it is.\n\nShows: what."));
  QCOMPARE(opening_comment("name: x\n# not opening\n"), QString());
}

void DesktopTest::newFromTemplateOpensAnUntitledCopy() {
  MainWindow window;
  window.setAutoRun(false);
  QString description;
  QTimer driver;
  connect(&driver, &QTimer::timeout, [&] {
    auto* dialog = qobject_cast<TemplateDialog*>(QApplication::activeModalWidget());
    if (dialog == nullptr) return;
    driver.stop();
    auto* list = dialog->findChild<QListWidget*>("templates");
    list->setCurrentItem(list->findItems("whatif-100k", Qt::MatchExactly).value(0));
    description = dialog->findChild<QLabel*>("template-description")->text();
    dialog->accept();
  });
  driver.start(20);
  action(window, "new-from-template")->trigger();
  QVERIFY(description.startsWith("The GUI's typical what-if run"));
  QCOMPARE(window.document().text(), read_scenario_file(whatif_scenario().toStdString()));
  QVERIFY(window.document().filePath().isEmpty());  // Save asks where: the shipped file is never overwritten
  QCOMPARE(window.document().displayName(), QStringLiteral("untitled.yaml"));
  QVERIFY(window.document().valid());
  QVERIFY(!window.document().isModified());
  QVERIFY(!window.showsStartScreen());
  QVERIFY(recent_files().isEmpty());  // a template is not a file of the user's
}

void DesktopTest::recentFilesUpdateAndDropMissingOnes() {
  QTemporaryDir folder;
  const QString a = folder.filePath("a.yaml");
  const QString b = folder.filePath("b.yaml");
  QVERIFY(QFile::copy(whatif_scenario(), a));
  QVERIFY(QFile::copy(whatif_scenario(), b));
  MainWindow window;
  window.setAutoRun(false);
  QVERIFY(window.openFile(a));
  QVERIFY(window.openFile(b));
  QCOMPARE(recent_files(), QStringList({b, a}));
  QCOMPARE(entries(window, "menu-recent"), QStringList({"&1 b.yaml", "&2 a.yaml", "&Clear"}));
  QVERIFY(window.openFile(a));
  QCOMPARE(recent_files(), QStringList({a, b}));
  QVERIFY(QFile::remove(b));
  QCOMPARE(recent_files(), QStringList({a}));
  QCOMPARE(app_settings()->value("recentFiles").toStringList(), QStringList({a}));  // forgotten
  for (int i = 0; i < kMaxRecentFiles + 2; ++i) {
    const QString extra = folder.filePath(QStringLiteral("extra-%1.yaml").arg(i));
    QVERIFY(QFile::copy(whatif_scenario(), extra));
    add_recent_file(extra);
  }
  QCOMPARE(recent_files().size(), kMaxRecentFiles);
  QCOMPARE(recent_files().front(), folder.filePath(QStringLiteral("extra-%1.yaml").arg(kMaxRecentFiles + 1)));
  entries(window, "menu-recent");
  action(window, "clear-recent")->trigger();
  QVERIFY(recent_files().isEmpty());
  QCOMPARE(entries(window, "menu-recent"), QStringList({"No recent files", "&Clear"}));
}

void DesktopTest::undoAndRedoAFormEdit() {
  const std::unique_ptr<MainWindow> window = window_with(whatif_scenario());
  QVERIFY(window != nullptr);
  const std::string original = window->document().text();
  QVERIFY(!action(*window, "undo")->isEnabled());
  auto* smtp_out = window->findChild<QSpinBox*>("max-smtp-out");
  QCOMPARE(smtp_out->value(), 8);
  smtp_out->setValue(5);
  QTRY_VERIFY(window->document().text().find("      max_smtp_out: 5\n") != std::string::npos);
  const std::string edited = window->document().text();
  QVERIFY(action(*window, "undo")->isEnabled());
  action(*window, "undo")->trigger();
  QCOMPARE(window->document().text(), original);
  QCOMPARE(window->yamlEditor()->toPlainText().toStdString(), original);
  QCOMPARE(smtp_out->value(), 8);
  QCOMPARE(window->document().scenario()->policy_for("gmail").max_smtp_out, 8);
  QVERIFY(!window->document().isModified());
  QVERIFY(!action(*window, "undo")->isEnabled());
  QVERIFY(action(*window, "redo")->isEnabled());
  action(*window, "redo")->trigger();
  QCOMPARE(window->document().text(), edited);
  QCOMPARE(smtp_out->value(), 5);
  QVERIFY(window->document().isModified());
  QVERIFY(!action(*window, "redo")->isEnabled());
}

void DesktopTest::undoKeysInTheYamlAndTheFormUndoTheDocument() {
  const std::unique_ptr<MainWindow> window = window_with(whatif_scenario());
  QVERIFY(window != nullptr);
  window->show();
  QVERIFY(QTest::qWaitForWindowActive(window.get()));
  const std::string original = window->document().text();
  YamlEditor* editor = window->yamlEditor();
  window->findChild<QSpinBox*>("max-smtp-out")->setValue(6);  // a form edit, then typing: two steps
  QTRY_VERIFY(window->document().text() != original);
  const std::string after_form = window->document().text();
  auto* tabs = qobject_cast<QTabWidget*>(editor->parentWidget()->parentWidget());  // Form, YAML
  QVERIFY(tabs != nullptr);
  tabs->setCurrentWidget(editor);
  editor->setFocus();
  QTextCursor end = editor->textCursor();
  end.movePosition(QTextCursor::End);
  editor->setTextCursor(end);
  QTest::keyClicks(editor, "# typed");
  QTest::keyClick(editor, Qt::Key_Return);
  QTest::keyClick(editor, Qt::Key_Z, Qt::ControlModifier);  // the typing, not yet sent, is one step
  QCOMPARE(window->document().text(), after_form);
  QTest::keyClick(editor, Qt::Key_Z, Qt::ControlModifier);
  QCOMPARE(window->document().text(), original);
  QCOMPARE(editor->toPlainText().toStdString(), original);
  QTest::keyClick(editor, Qt::Key_Y, Qt::ControlModifier);
  QCOMPARE(window->document().text(), after_form);
  QTest::keyClick(editor, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
  QCOMPARE(window->document().text(), after_form + "# typed\n");
  tabs->setCurrentIndex(0);  // the form: a spin box's own undo does not take the key
  auto* smtp_out = window->findChild<QSpinBox*>("max-smtp-out");
  smtp_out->setFocus();
  QTest::keyClick(smtp_out, Qt::Key_Z, Qt::ControlModifier);
  QCOMPARE(window->document().text(), after_form);
  QTest::keyClick(smtp_out, Qt::Key_Z, Qt::ControlModifier);
  QCOMPARE(window->document().text(), original);
  QCOMPARE(smtp_out->value(), 8);
}

void DesktopTest::layoutIsRestoredFromSettings() {
  QList<int> sizes;
  QSize size;
  {
    const std::unique_ptr<MainWindow> first = window_with(whatif_scenario());
    first->resize(1100, 720);
    first->show();
    QVERIFY(QTest::qWaitForWindowExposed(first.get()));
    first->splitter()->setSizes({470, 630});
    first->findChild<QToolBar*>("main-toolbar")->hide();
    sizes = first->splitter()->sizes();
    size = first->size();
    QVERIFY(sizes.front() >= 450);  // the charts keep the right side at least ~620 pixels wide
    first->close();                 // saves the layout
  }
  {
    MainWindow on_start_screen;  // opened and closed without a file: the splitter it never showed is kept
    QVERIFY(on_start_screen.restoreLayout());
    on_start_screen.show();
    QVERIFY(QTest::qWaitForWindowExposed(&on_start_screen));
    on_start_screen.close();
  }
  MainWindow second;
  second.setAutoRun(false);
  QVERIFY(second.restoreLayout());
  QVERIFY(second.openFile(whatif_scenario()));
  second.show();
  QVERIFY(QTest::qWaitForWindowExposed(&second));
  QCOMPARE(second.size(), size);
  QTRY_COMPARE(second.splitter()->sizes(), sizes);
  QVERIFY(second.findChild<QToolBar*>("main-toolbar")->isHidden());
  action(second, "reset-layout")->trigger();
  QVERIFY(!second.findChild<QToolBar*>("main-toolbar")->isHidden());
  QTRY_VERIFY(second.splitter()->sizes().front() < 450);  // back to the first start's 400
  app_settings()->clear();
  QVERIFY(!MainWindow().restoreLayout());
}

void DesktopTest::startScreenUntilAFileIsOpen() {
  QTemporaryDir folder;
  const QString recent = folder.filePath("recent.yaml");
  QVERIFY(QFile::copy(whatif_scenario(), recent));
  add_recent_file(recent);
  MainWindow window;
  window.setAutoRun(false);
  QVERIFY(window.showsStartScreen());
  QVERIFY(window.startScreen()->findChild<QCommandLinkButton*>("start-new-from-template") != nullptr);
  QVERIFY(window.startScreen()->findChild<QCommandLinkButton*>("start-open") != nullptr);
  auto* button = window.startScreen()->findChild<QCommandLinkButton*>("start-recent");
  QVERIFY(button != nullptr);
  QCOMPARE(button->text(), QStringLiteral("recent.yaml"));
  button->click();
  QVERIFY(!window.showsStartScreen());
  QCOMPARE(window.document().filePath(), recent);
  QVERIFY(window.document().valid());

  MainWindow other;
  QVERIFY(other.showsStartScreen());
  QVERIFY(!other.openFile(folder.filePath("missing.yaml")));
  QVERIFY(other.showsStartScreen());
  action(other, "new")->trigger();
  QVERIFY(!other.showsStartScreen());
  QVERIFY(other.document().text().empty());
}

}  // namespace delivsim::gui::test
