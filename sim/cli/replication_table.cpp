#include "sim/cli/replication_table.h"

#include <cmath>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string_view>

#include "sim/batch/compare_figure_text.h"
#include "sim/output/duration_format.h"
#include "sim/output/headline.h"
#include "sim/output/number_format.h"
#include "sim/output/text_table.h"
#include "sim/stats/sample_statistics.h"

namespace delivsim {

namespace {

/// How a figure's statistics read best, from its key. Tier order statistics that are whole are tier names;
/// a tier's mean and sd are tier numbers (BAD = 0 ... HIGH = 3).
std::string format_value(std::string_view key, double value, bool order_statistic) {
  if (key.ends_with("_share") || key.ends_with("_rate")) return format_percent(value, 2);
  if (key.ends_with("_s")) return format_short_duration(value);
  if (key != "final_tier") return format_fixed_grouped(value, 1);
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
      return format_value(figure.key, value, order_statistic);
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
