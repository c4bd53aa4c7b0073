#pragma once
/// @file A run's time series as the report's charts read it: timeseries.csv (one value per interval) or
/// timeseries_bands.csv (the replications' mean with its p5 and p95 per interval).
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace delivsim::report {

/// One column of the series: a value per row and, for replications, the p5 and p95 around it.
struct SeriesValues {
  std::vector<double> values;   ///< the value (single run) or the mean (replications), one per row
  std::vector<double> p5, p95;  ///< empty for a single run
  bool has_band() const { return !p5.empty(); }
};

/// The time series of one run folder.
struct RunSeries {
  std::vector<double> t_s;   ///< each row's interval start, seconds of simulated time
  double interval_s = 3600;  ///< the interval between rows, seconds (from t_s; 1 h with fewer than 2 rows)
  std::vector<std::string> names;  ///< column names in file order, without t_s (and without band suffixes)
  std::map<std::string, SeriesValues> columns;

  /// The column `name`, or nullptr.
  const SeriesValues* find(const std::string& name) const;
  /// The values of column `name`; zeros when there is no such column.
  std::vector<double> values_or_zero(const std::string& name) const;
};

/// Reads timeseries.csv: Tier cells (HIGH, MEDIUM, LOW, BAD) become their order 3 ... 0. Throws
/// ReportInputError when the file cannot be read or a cell is not a number or a tier.
RunSeries read_timeseries_csv(const std::filesystem::path& path);

/// Reads timeseries_bands.csv (`t_s`, then `C_mean,C_p5,C_p95` per column C). Throws ReportInputError when
/// the file cannot be read, a column lacks one of its three parts, or a cell is not a number.
RunSeries read_timeseries_bands_csv(const std::filesystem::path& path);

}  // namespace delivsim::report
