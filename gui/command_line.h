#pragma once
/// @file delivsim-gui's command line: `delivsim-gui [FILE.yaml]` or
/// `delivsim-gui --screenshot OUT.png [--size WxH] FILE.yaml`.
#include <QSize>
#include <QString>
#include <QStringList>
#include <optional>

namespace delivsim::gui {

/// What the command line asked for.
struct GuiOptions {
  QString file;             ///< scenario to open; empty for none
  QString screenshot;       ///< when set: render the window to this PNG and exit
  QSize size{1400, 900};    ///< window size, pixels
  bool size_given = false;  ///< whether --size was given (it then wins over the remembered window size)
};

/// Reads `arguments` (with the program name first). On a usage error returns nullopt and sets `error`.
/// --help and --version are handled by QCommandLineParser (they print and exit).
std::optional<GuiOptions> parse_command_line(const QStringList& arguments, QString* error);

}  // namespace delivsim::gui
