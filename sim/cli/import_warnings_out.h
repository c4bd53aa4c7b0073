#pragma once
/// @file Telling the user what a scenario's `sender: {import: ...}` could not model.
#include "sim/scenario/scenario.h"

namespace delivsim {

/// Prints each of `scenario.import_warnings` on stderr, one per line.
void print_import_warnings(const Scenario& scenario);

}  // namespace delivsim
