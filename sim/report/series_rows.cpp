#include "sim/report/series_rows.h"

#include <cmath>

namespace delivsim::report {

SeriesRows::SeriesRows(std::size_t columns, std::size_t max_buckets)
    : columns_(columns), max_buckets_(max_buckets) {}

void SeriesRows::merge_pairs() {
  const std::size_t buckets = t_s_.size() / 2;
  for (std::size_t bucket = 0; bucket < buckets; ++bucket) {
    t_s_[bucket] = t_s_[2 * bucket];
    for (std::size_t column = 0; column < columns_; ++column) {
      const std::size_t first = 2 * bucket * columns_ + column;
      const std::size_t second = first + columns_;
      // fmin and fmax skip NaN: a missing value does not hide the other bucket's.
      low_[bucket * columns_ + column] = std::fmin(low_[first], low_[second]);
      high_[bucket * columns_ + column] = std::fmax(high_[first], high_[second]);
    }
  }
  t_s_.resize(buckets);
  low_.resize(buckets * columns_);
  high_.resize(buckets * columns_);
  rows_per_bucket_ *= 2;
}

void SeriesRows::add(double t_s, std::span<const double> values) {
  if (!t_s_.empty() && rows_in_last_ < rows_per_bucket_) {
    double* low = low_.data() + (t_s_.size() - 1) * columns_;
    double* high = high_.data() + (t_s_.size() - 1) * columns_;
    for (std::size_t column = 0; column < columns_; ++column) {
      low[column] = std::fmin(low[column], values[column]);
      high[column] = std::fmax(high[column], values[column]);
    }
    ++rows_in_last_;
    return;
  }
  // Every bucket is full: all of them hold rows_per_bucket_ rows, so merging pairs leaves full buckets.
  if (t_s_.size() == max_buckets_) merge_pairs();
  t_s_.push_back(t_s);
  low_.insert(low_.end(), values.begin(), values.end());
  high_.insert(high_.end(), values.begin(), values.end());
  rows_in_last_ = 1;
}

SeriesRows::Kept SeriesRows::kept() const {
  const std::size_t buckets = t_s_.size();
  const std::size_t rows_per_bucket_kept = rows_per_bucket_ == 1 ? 1 : 2;
  Kept kept{{}, std::vector<std::vector<double>>(columns_)};
  kept.t_s.reserve(buckets * rows_per_bucket_kept);
  for (std::vector<double>& column : kept.columns) column.reserve(buckets * rows_per_bucket_kept);
  for (std::size_t bucket = 0; bucket < buckets; ++bucket) {
    kept.t_s.push_back(t_s_[bucket]);
    for (std::size_t column = 0; column < columns_; ++column)
      kept.columns[column].push_back(low_[bucket * columns_ + column]);
    if (rows_per_bucket_kept == 1) continue;
    kept.t_s.push_back(t_s_[bucket]);
    for (std::size_t column = 0; column < columns_; ++column)
      kept.columns[column].push_back(high_[bucket * columns_ + column]);
  }
  return kept;
}

}  // namespace delivsim::report
