#include "sim/batch/compare_table.h"

#include "sim/batch/compare_figure_text.h"
#include "sim/output/number_format.h"
#include "sim/output/text_table.h"

namespace delivsim {

namespace {

using Align = TextTable::Align;

constexpr std::string_view kSectionIndent = "  ";
constexpr std::string_view kBestMark = "*";
/// After values that are not best, so that the digits of a column line up.
constexpr std::string_view kNotBestMark = " ";

std::string heading_line(const CompareResult& result) {
  return "Compare " + result.scenario + "  seed " + std::to_string(result.seed) + "  " +
         format_count_noun(result.strategies.size(), "strategy", "strategies") + " x " +
         format_count_noun(result.replications, "replication", "replications") + " (common random numbers)\n";
}

std::string figures_section(const CompareResult& result) {
  std::vector<TextTable::Column> columns{{"figure", Align::Left}};
  for (const StrategyOutcome& strategy : result.strategies) columns.push_back({strategy.name});
  TextTable table(std::move(columns));
  const auto figures = headline_figures();
  const std::string difference_label = std::string(kSectionIndent) + "vs " + result.strategies.front().name;
  for (std::size_t f = 0; f < figures.size(); ++f) {
    std::vector<std::string> values{figure_heading(figures[f])};
    std::vector<std::string> differences{difference_label, ""};
    for (std::size_t s = 0; s < result.strategies.size(); ++s) {
      const StrategyOutcome& strategy = result.strategies[s];
      values.push_back(format_figure_stats(figures[f], strategy.figures[f]) +
                       std::string(result.best[f] == s ? kBestMark : kNotBestMark));
      if (s > 0) differences.push_back(format_difference_cell(figures[f], strategy.differences[f]) + " ");
    }
    table.add_row(std::move(values));
    if (result.strategies.size() > 1) table.add_row(std::move(differences));
  }
  return table.render() + "* best mean; \"vs " + result.strategies.front().name +
         "\": mean paired difference with its 95% confidence interval\n";
}

std::string replies_section(const CompareResult& result) {
  TextTable table({{"strategy", Align::Left}, {"reply", Align::Left}, {"deferrals per run"}});
  for (const StrategyOutcome& strategy : result.strategies) {
    if (strategy.top_replies.empty()) table.add_row({strategy.name, "none", ""});
    for (std::size_t i = 0; i < strategy.top_replies.size(); ++i) {
      table.add_row({i == 0 ? strategy.name : "", strategy.top_replies[i].reply,
                     format_fixed_grouped(strategy.top_replies[i].mean_deferrals, 1)});
    }
  }
  return "Top deferral replies\n" + table.render(kSectionIndent);
}

std::string expectations_section(const CompareResult& result) {
  std::string text;
  std::vector<CheckedFile> files;
  for (const StrategyOutcome& strategy : result.strategies) {
    if (strategy.expectations.empty()) continue;
    files.push_back(
        {result.path, result.scenario, strategy.expectations, strategy.name, result.replications});
    text += format_checked_file(files.back());
  }
  if (files.empty()) return text;
  const CheckCounts counts = count_checks(files);
  return "\nExpectations\n" + text + std::to_string(counts.passed) + " passed, " +
         std::to_string(counts.failed) + " failed\n";
}

}  // namespace

std::string format_difference_cell(const HeadlineFigure& figure,
                                   const std::optional<FigureDifference>& difference) {
  if (!difference) return "-";
  std::string cell = format_figure_difference(figure, difference->mean);
  if (difference->ci95_low && difference->ci95_high) {
    cell += " [" + format_figure_difference(figure, *difference->ci95_low) + ", " +
            format_figure_difference(figure, *difference->ci95_high) + "]";
  }
  return cell;
}

std::string format_compare_table(const CompareResult& result) {
  return heading_line(result) + "\n" + figures_section(result) + "\n" + replies_section(result) +
         expectations_section(result);
}

}  // namespace delivsim
