#pragma once
/// @file timeseries.csv: the run's time series, one line per interval.
#include <ostream>

#include "sim/output/run_result.h"

namespace delivsim {

/// Writes a header line of column names, then one line per row: Count cells as integers when integral
/// (else 6 significant digits), Ratio cells with 6 significant digits, Tier cells as tier names (HIGH,
/// MEDIUM, LOW, BAD). Throws std::invalid_argument when a row has not one cell per column or a Tier cell
/// does not hold a Tier value.
void write_timeseries_csv(const Timeseries& series, std::ostream& out);

}  // namespace delivsim
