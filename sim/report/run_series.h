#pragma once
/// @file A run's time series as the report's charts read it: timeseries.csv (one value per interval) or
/// timeseries_bands.csv (the replications' mean with its p5 and p95 per interval), read row by row in
/// bounded memory (SeriesRows): a long series keeps each column's peaks and troughs, not every row.
#include <cstddef>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace delivsim::report {

/// Most columns (t_s included) a time series file may have for the report to read it.
inline constexpr std::size_t kMaxSeriesColumns = 100000;

/// One column of the series: a value per row and, for replications, the p5 and p95 around it.
struct SeriesValues {
  std::vector<double> values;   ///< the value (single run) or the mean (replications), one per row
  std::vector<double> p5, p95;  ///< empty for a single run
  bool has_band() const { return !p5.empty(); }
};

/// The time series of one run folder.
struct RunSeries {
  std::vector<double> t_s;   ///< each row's interval start, seconds of simulated time
  double interval_s = 3600;  ///< the interval between rows, seconds (the file's first two; 1 h with fewer)
  std::vector<std::string> names;  ///< column names in file order, without t_s (and without band suffixes)
  std::map<std::string, SeriesValues> columns;

  /// The column `name`, or nullptr.
  const SeriesValues* find(const std::string& name) const;
  /// The values of column `name`; zeros when there is no such column.
  std::vector<double> values_or_zero(const std::string& name) const;
};

/// Reads timeseries.csv: Tier cells (HIGH, MEDIUM, LOW, BAD) become their order 3 ... 0. Up to 8192 rows
/// are kept as they are; longer files are thinned as SeriesRows does (t_s then has each bucket's time
/// twice), keeping at most a few million values whatever the file's length. Throws ReportInputError naming
/// the file (and line and column) when it cannot be read, is empty, does not start with t_s, has more than
/// kMaxSeriesColumns columns or a column name that is not UTF-8, a row has not one cell per column, or a
/// cell is not a number or a tier.
RunSeries read_timeseries_csv(const std::filesystem::path& path);

/// Reads timeseries_bands.csv (`t_s`, then `C_mean,C_p5,C_p95` per column C) as read_timeseries_csv reads
/// timeseries.csv. Throws ReportInputError as it does, and when a column lacks one of its three parts.
RunSeries read_timeseries_bands_csv(const std::filesystem::path& path);

}  // namespace delivsim::report
