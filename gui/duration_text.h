#pragma once
/// @file Durations written the way scenarios write them, for the form's text fields.
#include <string>

#include "models/units.h"

namespace delivsim::gui {

/// `duration` in the scenario syntax that parse_duration reads back exactly: largest unit first, each
/// unit once, zero amounts left out ("4d12h", "1h30m", "90s", "250ms"; "0" for zero). Weeks are written
/// as days. `duration` must not be negative.
std::string duration_text(Duration duration);

}  // namespace delivsim::gui
