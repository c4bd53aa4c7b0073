#include "sim/output/timeseries_csv.h"

#include <cmath>
#include <stdexcept>

#include "sim/output/csv_field.h"
#include "sim/output/number_format.h"

namespace delivsim {

namespace {

/// Largest magnitude below which every integral double is exactly an integer (2^53).
constexpr double kLargestExactInteger = 9007199254740992.0;

std::string count_cell(double value) {
  const bool integral = std::abs(value) <= kLargestExactInteger && value == std::floor(value);
  return integral ? std::to_string(static_cast<std::int64_t>(value)) : format_significant(value);
}

std::string tier_cell(double value, const SeriesColumn& column) {
  const bool is_tier = value >= static_cast<int>(Tier::Bad) && value <= static_cast<int>(Tier::High) &&
                       value == std::floor(value);
  if (!is_tier) {
    throw std::invalid_argument("time series column '" + column.name + "' holds " +
                                format_significant(value) + ", which is not a Tier value");
  }
  return std::string(tier_name(static_cast<Tier>(static_cast<int>(value))));
}

std::string cell(double value, const SeriesColumn& column) {
  switch (column.kind) {
    case SeriesColumn::Kind::Count:
      return count_cell(value);
    case SeriesColumn::Kind::Ratio:
      return format_significant(value);
    case SeriesColumn::Kind::Tier:
      return tier_cell(value, column);
  }
  throw std::invalid_argument("time series column '" + column.name + "' has an unknown kind");
}

}  // namespace

void write_timeseries_csv(const Timeseries& series, std::ostream& out) {
  std::vector<std::string> fields;
  for (const SeriesColumn& column : series.columns) fields.push_back(column.name);
  write_csv_line(out, fields);
  for (std::size_t row = 0; row < series.rows.size(); ++row) {
    const std::vector<double>& values = series.rows[row];
    if (values.size() != series.columns.size()) {
      throw std::invalid_argument("time series row " + std::to_string(row) + " has " +
                                  std::to_string(values.size()) + " cells for " +
                                  std::to_string(series.columns.size()) + " columns");
    }
    fields.clear();
    for (std::size_t i = 0; i < values.size(); ++i) fields.push_back(cell(values[i], series.columns[i]));
    write_csv_line(out, fields);
  }
}

}  // namespace delivsim
