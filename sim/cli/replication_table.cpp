#include "sim/cli/replication_table.h"

#include <cmath>
#include <optional>
#include <sstream>
#include <stdexcept>

#include "sim/output/duration_format.h"
#include "sim/output/headline.h"
#include "sim/output/number_format.h"
#include "sim/output/text_table.h"
#include "sim/stats/sample_statistics.h"

namespace delivsim {

namespace {

/// How a figure's statistics read best, by its unit. Tier order statistics that are whole are tier names;
/// a tier's mean and sd are tier numbers (BAD = 0 ... HIGH = 3).
std::string format_value(const HeadlineFigure& figure, double value, bool order_statistic) {
  switch (figure.unit) {
    case FigureUnit::Share:
      return format_percent(value, 2);
    case FigureUnit::Drain:
    case FigureUnit::Latency:
      return format_short_duration(value);
    case FigureUnit::Tier:
      break;
    case FigureUnit::Count:
      return format_fixed_grouped(value, 1);
  }
  const bool tier_value =
      value == std::floor(value) && value >= 0 && value <= static_cast<double>(Tier::High);
  if (order_statistic && tier_value)
    return std::string(tier_name(static_cast<Tier>(static_cast<int>(value))));
  return format_fixed(value, 2);
}

}  // namespace

std::string format_replication_table(const std::vector<RunResult>& replications) {
  if (replications.empty()) throw std::invalid_argument("a replication table needs at least one replication");
  std::vector<Headline> headlines;
  for (const RunResult& result : replications) headlines.push_back(headline_of(result));

  TextTable table(
      {{"figure", TextTable::Align::Left}, {"mean"}, {"sd"}, {"p5"}, {"p50"}, {"p95"}, {"missing"}});
  for (const HeadlineFigure& figure : headline_figures()) {
    std::vector<double> values;
    for (const Headline& headline : headlines) {
      if (const std::optional<double> value = figure.value(headline)) values.push_back(*value);
    }
    const std::string missing = std::to_string(headlines.size() - values.size());
    if (values.empty()) {
      table.add_row({figure_heading(figure), "-", "-", "-", "-", "-", missing});
      continue;
    }
    const SampleStats stats = sample_stats(values);
    const auto cell = [&](double value, bool order_statistic) {
      return format_value(figure, value, order_statistic);
    };
    table.add_row({figure_heading(figure), cell(stats.mean, false), cell(stats.sd, false),
                   cell(stats.p5, true), cell(stats.p50, true), cell(stats.p95, true), missing});
  }

  const RunResult& first = replications.front();
  std::ostringstream out;
  out << "Scenario " << first.scenario << "  base seed " << first.seed << "  "
      << format_count_noun(replications.size(), "replication", "replications") << "  simulated "
      << format_fixed(to_seconds(first.simulated) / 86400.0, 2) << " days\n\n"
      << table.render();
  return out.str();
}

}  // namespace delivsim
