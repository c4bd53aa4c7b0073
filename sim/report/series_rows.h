#pragma once
/// @file A time series' rows kept in bounded memory while a long file is read: every row while they fit,
/// beyond that buckets of consecutive rows that keep each column's lowest and highest value, so peaks and
/// troughs survive as they do in thin_line().
#include <cstddef>
#include <span>
#include <vector>

namespace delivsim::report {

/// The rows of a time series with a fixed number of value columns, added in time order.
class SeriesRows {
 public:
  /// Rows of `columns` values each; at most `max_buckets` (even, at least 2) buckets are kept.
  SeriesRows(std::size_t columns, std::size_t max_buckets);

  /// Adds the row at `t_s` (seconds) with `values` (one per column; NaN for a missing value). When all
  /// buckets are full, each pair of neighbouring buckets becomes one, holding twice as many rows.
  void add(double t_s, std::span<const double> values);

  /// The kept rows, column by column.
  struct Kept {
    std::vector<double> t_s;                   ///< each kept row's time, seconds
    std::vector<std::vector<double>> columns;  ///< one value per kept row, for each column
  };

  /// Every row added, when no bucket holds more than one; else two rows per bucket, both at the time of
  /// the bucket's first row: each column's lowest value, then its highest (NaN when it had none).
  Kept kept() const;

 private:
  void merge_pairs();

  std::size_t columns_;
  std::size_t max_buckets_;
  std::size_t rows_per_bucket_ = 1;
  std::size_t rows_in_last_ = 0;
  std::vector<double> t_s_;         ///< each bucket's first row's time
  std::vector<double> low_, high_;  ///< bucket by bucket, one value per column
};

}  // namespace delivsim::report
