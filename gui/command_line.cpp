#include "gui/command_line.h"

#include <QCommandLineParser>
#include <QRegularExpression>

namespace delivsim::gui {

std::optional<GuiOptions> parse_command_line(const QStringList& arguments, QString* error) {
  QCommandLineParser parser;
  parser.setApplicationDescription(
      QStringLiteral("delivsim what-if desktop: edit a scenario, run it, compare runs"));
  parser.addHelpOption();
  parser.addVersionOption();
  const QCommandLineOption screenshot(QStringLiteral("screenshot"),
                                      QStringLiteral("Run FILE, save the window as a PNG image, and exit."),
                                      QStringLiteral("OUT.png"));
  const QCommandLineOption size(QStringLiteral("size"), QStringLiteral("Window size (default 1400x900)."),
                                QStringLiteral("WxH"));
  parser.addOption(screenshot);
  parser.addOption(size);
  parser.addPositionalArgument(QStringLiteral("FILE.yaml"), QStringLiteral("Scenario to open."));
  parser.process(arguments);

  GuiOptions options;
  const QStringList files = parser.positionalArguments();
  if (files.size() > 1) {
    *error = QStringLiteral("expected at most one scenario file, got %1").arg(files.size());
    return std::nullopt;
  }
  options.file = files.value(0);
  options.screenshot = parser.value(screenshot);
  if (!options.screenshot.isEmpty() && options.file.isEmpty()) {
    *error = QStringLiteral("--screenshot needs a scenario file");
    return std::nullopt;
  }
  if (parser.isSet(size)) {
    const auto match =
        QRegularExpression(QStringLiteral("^(\\d{2,5})x(\\d{2,5})$")).match(parser.value(size));
    if (!match.hasMatch()) {
      *error =
          QStringLiteral("--size must be WIDTHxHEIGHT such as 1400x900, not '%1'").arg(parser.value(size));
      return std::nullopt;
    }
    options.size = QSize(match.captured(1).toInt(), match.captured(2).toInt());
    options.size_given = true;
  }
  return options;
}

}  // namespace delivsim::gui
