#pragma once
/// @file A small RunResult built by hand, shared by the writer tests: 2 providers (gmail with the Gmail
/// profile's thresholds, other with its own), 2 traffic sources, 3 identities, 2 alerts, a 3-row time series
/// with a tier column and 4 accounting records.
#include "sim/output/run_result.h"

namespace delivsim {

/// Its figures are spelled out in sample_run_result.cpp; tests state the outputs they expect from them.
RunResult sample_run_result();

}  // namespace delivsim
