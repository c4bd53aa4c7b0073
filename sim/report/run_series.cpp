#include "sim/report/run_series.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <optional>

#include <nlohmann/json.hpp>

#include "models/tier.h"
#include "sim/report/csv_reader.h"
#include "sim/report/report_error.h"
#include "sim/report/series_rows.h"

namespace delivsim::report {

namespace {

constexpr std::array<std::string_view, 3> kBandSuffixes{"_mean", "_p5", "_p95"};

/// Values kept while reading a time series (2 per cell of a kept bucket: its low and its high).
constexpr std::size_t kSeriesCellBudget = std::size_t{1} << 22;
/// Most and fewest buckets of rows kept: files of up to kMaxSeriesBuckets rows are read exactly.
constexpr std::size_t kMaxSeriesBuckets = 8192;
constexpr std::size_t kMinSeriesBuckets = 16;

/// True when `text` is valid UTF-8 (the JSON library's strict encoder refuses anything else).
bool is_utf8(const std::string& text) {
  try {
    static_cast<void>(nlohmann::json(text).dump());
    return true;
  } catch (const nlohmann::json::exception&) {
    return false;
  }
}

/// The header of a time series file: t_s first, then at most kMaxSeriesColumns UTF-8 names.
std::vector<std::string> read_header(CsvReader& reader) {
  std::vector<std::string> header;
  if (!reader.next(header)) {
    throw ReportInputError(reader.path().string() + ": empty, expected a header line starting with t_s");
  }
  if (header.front() != "t_s") throw ReportInputError(reader.where() + "the first column must be t_s");
  if (header.size() > kMaxSeriesColumns) {
    throw ReportInputError(reader.where() + std::to_string(header.size()) + " columns, more than the " +
                           std::to_string(kMaxSeriesColumns) + " a report reads");
  }
  for (std::size_t column = 0; column < header.size(); ++column) {
    if (!is_utf8(header[column])) {
      throw ReportInputError(reader.where() + "the name of column " + std::to_string(column + 1) +
                             " is not UTF-8 text");
    }
  }
  return header;
}

/// `text` as a message shows it: its first 40 bytes, then "..." when it is longer.
std::string shown(const std::string& text) {
  constexpr std::size_t kShownBytes = 40;
  return text.size() > kShownBytes ? text.substr(0, kShownBytes) + "..." : text;
}

/// A cell as a number: a tier as its order, an empty cell (a row some replications lack) as NaN.
double cell_value(const std::string& cell, const CsvReader& reader, const std::string& column) {
  if (cell.empty()) return std::numeric_limits<double>::quiet_NaN();
  if (const std::optional<double> number = number_of(cell)) return *number;
  if (const std::optional<Tier> tier = parse_tier(cell)) return static_cast<double>(*tier);
  throw ReportInputError(reader.where() + "column '" + shown(column) + "': '" + shown(cell) +
                         "' is not a number");
}

/// The rows after the header, kept in bounded memory, and the interval between the first two.
struct Rows {
  SeriesRows::Kept kept;
  double interval_s = 3600;
};

Rows read_rows(CsvReader& reader, const std::vector<std::string>& header) {
  const std::size_t columns = header.size() - 1;
  const std::size_t buckets = std::clamp(kSeriesCellBudget / std::max<std::size_t>(columns, 1),
                                         kMinSeriesBuckets, kMaxSeriesBuckets) /
                              2 * 2;
  SeriesRows rows(columns, buckets);
  std::vector<std::string> cells;
  std::vector<double> values(columns);
  std::vector<double> first_times;
  while (reader.next(cells)) {
    if (cells.size() != header.size()) {
      throw ReportInputError(reader.where() + std::to_string(cells.size()) + " cells for " +
                             std::to_string(header.size()) + " columns");
    }
    const double t_s = cell_value(cells[0], reader, header[0]);
    if (!std::isfinite(t_s)) throw ReportInputError(reader.where() + "t_s: expected a number of seconds");
    for (std::size_t column = 0; column < columns; ++column)
      values[column] = cell_value(cells[column + 1], reader, header[column + 1]);
    if (first_times.size() < 2) first_times.push_back(t_s);
    rows.add(t_s, values);
  }
  Rows read{rows.kept(), 3600};
  if (first_times.size() == 2) read.interval_s = first_times[1] - first_times[0];
  return read;
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
  CsvReader reader(path);
  const std::vector<std::string> header = read_header(reader);
  Rows rows = read_rows(reader, header);
  RunSeries series{std::move(rows.kept.t_s), rows.interval_s, {}, {}};
  for (std::size_t column = 1; column < header.size(); ++column) {
    series.names.push_back(header[column]);
    series.columns[header[column]].values = std::move(rows.kept.columns[column - 1]);
  }
  return series;
}

RunSeries read_timeseries_bands_csv(const std::filesystem::path& path) {
  CsvReader reader(path);
  const std::vector<std::string> header = read_header(reader);
  if ((header.size() - 1) % kBandSuffixes.size() != 0) {
    throw ReportInputError(reader.where() + "expected t_s, then C_mean,C_p5,C_p95 for every column C");
  }
  std::vector<std::string> names;
  for (std::size_t column = 1; column < header.size(); column += kBandSuffixes.size()) {
    const std::string& mean_name = header[column];
    const std::string name = mean_name.substr(0, mean_name.size() - kBandSuffixes[0].size());
    for (std::size_t part = 0; part < kBandSuffixes.size(); ++part) {
      if (header[column + part] != name + std::string(kBandSuffixes[part])) {
        throw ReportInputError(reader.where() + "column '" + shown(header[column + part]) + "' should be '" +
                               shown(name) + std::string(kBandSuffixes[part]) + "'");
      }
    }
    names.push_back(name);
  }
  Rows rows = read_rows(reader, header);
  RunSeries series{std::move(rows.kept.t_s), rows.interval_s, names, {}};
  for (std::size_t i = 0; i < names.size(); ++i) {
    SeriesValues& values = series.columns[names[i]];
    values.values = std::move(rows.kept.columns[i * kBandSuffixes.size()]);
    values.p5 = std::move(rows.kept.columns[i * kBandSuffixes.size() + 1]);
    values.p95 = std::move(rows.kept.columns[i * kBandSuffixes.size() + 2]);
  }
  return series;
}

}  // namespace delivsim::report
