#include "sim/batch/robust_table.h"

#include <algorithm>
#include <cmath>

#include "sim/batch/compare_figure_text.h"
#include "sim/output/headline.h"
#include "sim/output/number_format.h"
#include "sim/output/text_table.h"
#include "sim/output/world_share_text.h"

namespace delivsim {

namespace {

using Align = TextTable::Align;

constexpr std::string_view kIndent = "  ";
constexpr int kRhoDecimals = 2;

std::string heading_line(const RobustResult& result) {
  return "Robust comparison: " + format_count_noun(result.strategies.size(), "strategy", "strategies") +
         " x " + format_count_noun(result.design.values.size(), "receiver world", "receiver worlds") + " (" +
         format_count_noun(result.design.varied.size(), "assumed parameter", "assumed parameters") +
         " varied, Latin hypercube seed " + std::to_string(result.design.seed) + "), " +
         format_count_noun(result.replications, "replication", "replications") + " per world\n";
}

std::string spread_cell(const HeadlineFigure& figure, const RobustFigure& standing) {
  if (!standing.difference_p5) return "-";
  return format_figure_difference(figure, *standing.difference_p5) + " / " +
         format_figure_difference(figure, *standing.difference_p50) + " / " +
         format_figure_difference(figure, *standing.difference_p95);
}

std::string figure_table(const RobustResult& result, std::size_t f) {
  const HeadlineFigure& figure = headline_figures()[f];
  std::vector<TextTable::Column> columns{{figure_heading(figure), Align::Left}};
  for (const RobustStrategy& strategy : result.strategies) columns.push_back({strategy.name});
  TextTable table(std::move(columns));
  std::vector<std::string> best{std::string(kIndent) + "best in"};
  std::vector<std::string> wins{std::string(kIndent) + "beats " + result.strategies.front().name};
  std::vector<std::string> ties{std::string(kIndent) + "ties"};
  std::vector<std::string> losses{std::string(kIndent) + "loses"};
  std::vector<std::string> spread{std::string(kIndent) + "difference p5 / p50 / p95"};
  for (const RobustStrategy& strategy : result.strategies) {
    const RobustFigure& standing = strategy.figures[f];
    best.push_back(format_world_share(standing.best_share));
    wins.push_back(standing.versus_first ? format_world_share(standing.versus_first->wins) : "-");
    ties.push_back(standing.versus_first ? format_world_share(standing.versus_first->ties) : "-");
    losses.push_back(standing.versus_first ? format_world_share(standing.versus_first->losses) : "-");
    spread.push_back(spread_cell(figure, standing));
  }
  for (auto* row : {&best, &wins, &ties, &losses, &spread}) table.add_row(std::move(*row));
  return table.render();
}

/// Whether strategy s ties the first in every world of figure f.
bool ties_everywhere(const RobustResult& result, std::size_t s, std::size_t f) {
  const std::optional<WinShares>& shares = result.strategies[s].figures[f].versus_first;
  return shares && shares->ties == 1;
}

std::string verdicts_section(const RobustResult& result) {
  std::string text;
  for (std::size_t s = 1; s < result.strategies.size(); ++s) {
    for (std::size_t f = 0; f < headline_figures().size(); ++f) {
      if (!ties_everywhere(result, s, f)) text += std::string(kIndent) + robust_verdict(result, s, f) + "\n";
    }
  }
  if (text.empty())
    text = std::string(kIndent) + "every strategy ties with " + result.strategies.front().name +
           " on every figure in every world\n";
  return "Verdicts\n" + text;
}

/// Whether the quantity the sensitivities of (s, f) follow (the paired difference; for the first
/// strategy, its own figure) takes more than one value over the worlds where it exists.
bool varies(const RobustResult& result, std::size_t s, std::size_t f) {
  std::optional<double> seen;
  for (std::size_t w = 0; w < result.design.values.size(); ++w) {
    const std::optional<double>& own = result.strategies[s].worlds[w].figures[f];
    const std::optional<double>& first = result.strategies.front().worlds[w].figures[f];
    if (!own || !first) continue;
    const double value = s == 0 ? *own : *own - *first;
    if (seen && *seen != value) return true;
    seen = value;
  }
  return false;
}

std::string rho_text(double rho) {
  return (rho < 0 ? "-" : "+") + format_fixed(std::abs(rho), kRhoDecimals);
}

std::string sensitivity_line(const RobustResult& result, std::size_t s, std::size_t f) {
  const RobustFigure& standing = result.strategies[s].figures[f];
  std::string line = std::string(kIndent) + result.strategies[s].name;
  if (s > 0) line += " - " + result.strategies.front().name;
  line += ", " + figure_in_words(headline_figures()[f]) + ":";
  const std::size_t shown = std::min(kPrintedSensitivities, standing.sensitivity.size());
  for (std::size_t i = 0; i < shown; ++i) {
    const Sensitivity& entry = standing.sensitivity[i];
    line += (i == 0 ? " " : ", ") + result.design.varied[entry.param].label() + " " +
            rho_text(entry.rank_correlation);
  }
  return line + "\n";
}

std::string sensitivity_section(const RobustResult& result) {
  const auto worlds = static_cast<int>(result.design.values.size());
  std::string text;
  const std::size_t first_shown = result.strategies.size() == 1 ? 0 : 1;
  for (std::size_t s = first_shown; s < result.strategies.size(); ++s) {
    for (std::size_t f = 0; f < headline_figures().size(); ++f) {
      if (varies(result, s, f)) text += sensitivity_line(result, s, f);
    }
  }
  if (text.empty()) text = std::string(kIndent) + "no difference varies over the worlds\n";
  return "What the differences hinge on (Spearman's rho; |rho| >= " +
         format_fixed(noise_rank_correlation(worlds), kRhoDecimals) + " is beyond noise at " +
         std::to_string(worlds) + " worlds)\n" + text;
}

}  // namespace

std::string format_robust_table(const RobustResult& result) {
  std::string text = heading_line(result);
  for (std::size_t f = 0; f < headline_figures().size(); ++f) text += "\n" + figure_table(result, f);
  if (result.strategies.size() > 1) text += "\n" + verdicts_section(result);
  if (!result.design.varied.empty()) text += "\n" + sensitivity_section(result);
  return text;
}

}  // namespace delivsim
