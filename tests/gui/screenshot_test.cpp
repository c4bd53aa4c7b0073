#include "screenshot_test.h"

#include <QImage>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include "gui/screenshot.h"
#include "test_scenarios.h"

namespace delivsim::gui::test {

void ScreenshotTest::writesAVariedPng() {
  QTemporaryDir folder;
  const QString png = folder.filePath("shot.png");
  QCOMPARE(render_screenshot(whatif_scenario(), png, QSize(1280, 800)), 0);
  const QImage image(png);
  QVERIFY(!image.isNull());
  QCOMPARE(image.size(), QSize(1280, 800));
  QSet<QRgb> colours;
  for (int y = 0; y < image.height(); y += 4) {
    for (int x = 0; x < image.width(); x += 4) colours.insert(image.pixel(x, y));
  }
  QVERIFY2(colours.size() > 200, qPrintable(QString::number(colours.size()) + " colours"));
}

void ScreenshotTest::refusesAnInvalidScenario() {
  QTemporaryDir folder;
  const QString yaml = folder.filePath("bad.yaml");
  QFile file(yaml);
  QVERIFY(file.open(QIODevice::WriteOnly));
  file.write("duration: -1d\n");
  file.close();
  const QString png = folder.filePath("shot.png");
  QCOMPARE(render_screenshot(yaml, png, QSize(800, 600)), 2);
  QVERIFY(!QFile::exists(png));
}

// A trillion recipients would end in std::bad_alloc after minutes; the default work limits refuse it first.
void ScreenshotTest::refusesAbsurdWorkBeforeRunning() {
  QTemporaryDir folder;
  const QString yaml = folder.filePath("absurd.yaml");
  QFile file(yaml);
  QVERIFY(file.open(QIODevice::WriteOnly));
  file.write(
      "identities: {ips: [{address: 192.0.2.1}], domains: [{name: example.com}]}\n"
      "pools: {main: [192.0.2.1]}\n"
      "traffic:\n"
      "  - {name: t, pool: main, dkim_domain: example.com, campaign: {recipients: 1e12}}\n");
  file.close();
  const QString png = folder.filePath("shot.png");
  QCOMPARE(render_screenshot(yaml, png, QSize(800, 600)), 2);
  QVERIFY(!QFile::exists(png));
}

}  // namespace delivsim::gui::test
