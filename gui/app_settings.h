#pragma once
/// @file delivsim-gui's remembered settings (QSettings, organization "delivsim", application "delivsim-gui"):
/// recent files, window geometry and layout.
#include <QSettings>
#include <memory>

namespace delivsim::gui {

/// The application's settings store (the platform's usual place; tests redirect it with QSettings::setPath).
std::unique_ptr<QSettings> app_settings();

}  // namespace delivsim::gui
