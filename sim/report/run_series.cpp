#include "sim/report/run_series.h"

#include <array>
#include <limits>
#include <optional>

#include "models/tier.h"
#include "sim/report/input_files.h"
#include "sim/report/report_error.h"

namespace delivsim::report {

namespace {

constexpr std::array<std::string_view, 3> kBandSuffixes{"_mean", "_p5", "_p95"};

/// A cell as a number: a tier as its order, an empty cell (a row some replications lack) as NaN.
double cell_value(const std::string& cell, const std::filesystem::path& path, std::size_t row) {
  if (cell.empty()) return std::numeric_limits<double>::quiet_NaN();
  if (const std::optional<Tier> tier = parse_tier(cell)) return static_cast<double>(*tier);
  return parse_number(cell, path.string() + ":" + std::to_string(row + 2));
}

/// The table's t_s column (column 0) and interval.
RunSeries with_times(const CsvTable& table, const std::filesystem::path& path) {
  if (table.header.empty() || table.header.front() != "t_s") {
    throw ReportInputError(path.string() + ": the first column must be t_s");
  }
  RunSeries series;
  for (std::size_t row = 0; row < table.rows.size(); ++row) {
    series.t_s.push_back(cell_value(table.rows[row][0], path, row));
  }
  if (series.t_s.size() >= 2) series.interval_s = series.t_s[1] - series.t_s[0];
  return series;
}

std::vector<double> column_cells(const CsvTable& table, std::size_t column,
                                 const std::filesystem::path& path) {
  std::vector<double> values;
  values.reserve(table.rows.size());
  for (std::size_t row = 0; row < table.rows.size(); ++row) {
    values.push_back(cell_value(table.rows[row][column], path, row));
  }
  return values;
}

}  // namespace

const SeriesValues* RunSeries::find(const std::string& name) const {
  const auto column = columns.find(name);
  return column == columns.end() ? nullptr : &column->second;
}

std::vector<double> RunSeries::values_or_zero(const std::string& name) const {
  const SeriesValues* column = find(name);
  return column ? column->values : std::vector<double>(t_s.size(), 0.0);
}

RunSeries read_timeseries_csv(const std::filesystem::path& path) {
  const CsvTable table = read_csv_file(path);
  RunSeries series = with_times(table, path);
  for (std::size_t column = 1; column < table.header.size(); ++column) {
    series.names.push_back(table.header[column]);
    series.columns[table.header[column]].values = column_cells(table, column, path);
  }
  return series;
}

RunSeries read_timeseries_bands_csv(const std::filesystem::path& path) {
  const CsvTable table = read_csv_file(path);
  RunSeries series = with_times(table, path);
  if ((table.header.size() - 1) % kBandSuffixes.size() != 0) {
    throw ReportInputError(path.string() + ": expected t_s, then C_mean,C_p5,C_p95 for every column C");
  }
  for (std::size_t column = 1; column < table.header.size(); column += kBandSuffixes.size()) {
    const std::string& mean_name = table.header[column];
    const std::string name = mean_name.substr(0, mean_name.size() - kBandSuffixes[0].size());
    for (std::size_t part = 0; part < kBandSuffixes.size(); ++part) {
      if (table.header[column + part] != name + std::string(kBandSuffixes[part])) {
        throw ReportInputError(path.string() + ": column '" + table.header[column + part] + "' should be '" +
                               name + std::string(kBandSuffixes[part]) + "'");
      }
    }
    series.names.push_back(name);
    SeriesValues& values = series.columns[name];
    values.values = column_cells(table, column, path);
    values.p5 = column_cells(table, column + 1, path);
    values.p95 = column_cells(table, column + 2, path);
  }
  return series;
}

}  // namespace delivsim::report
