#pragma once
/// @file Where delivsim-gui finds the files the project ships beside it: the scenarios (templates for New)
/// and the documentation (Help), and the project's version.
#include <QString>

namespace delivsim::gui {

/// The shipped scenarios' folder: $DELIVSIM_SCENARIOS when set, else <executable>/../share/delivsim/scenarios
/// when it exists (an installed program), else the source tree's scenarios/ (a build tree's program).
QString shipped_scenarios_folder();

/// The documentation's folder (model.md, scenario-format.md): <executable>/../share/doc/delivsim when it
/// exists, else the source tree's docs/.
QString shipped_docs_folder();

/// The project's version (CMake's PROJECT_VERSION), e.g. "0.1.0".
QString delivsim_version();

}  // namespace delivsim::gui
