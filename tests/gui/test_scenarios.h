#pragma once
/// @file Scenario files and waits shared by the GUI tests.
#include <QString>
#include <memory>

namespace delivsim::gui {
class MainWindow;
}

namespace delivsim::gui::test {

/// The shipped scenario `name` (scenarios/<name>.yaml in the source tree).
QString shipped_scenario(const QString& name);

/// The ~100k-message what-if scenario: fast enough to re-run on every change.
QString whatif_scenario();

/// The ten-million-message benchmark (bench-10m): several seconds in a Release build, long enough to cancel
/// and slower than automatic re-runs allow however fast the simulator gets (bench-1m runs in about a second).
QString long_scenario();

/// The tiny three-strategy batch of the robust-compare tests (tests/gui/tiny-strategies.yaml).
QString tiny_strategies_scenario();

/// Milliseconds a test waits at most for one run to finish.
inline constexpr int kRunTimeoutMs = 60'000;

/// A window holding `file`, with automatic runs off (for tests that look at the text only); nullptr when
/// the file cannot be opened.
std::unique_ptr<MainWindow> window_with(const QString& file);

/// Opens `file` in `window` and waits for the automatic first run; false when it cannot be opened or the
/// run does not finish within kRunTimeoutMs.
bool open_and_run(MainWindow& window, const QString& file);

}  // namespace delivsim::gui::test
