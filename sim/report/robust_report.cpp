#include "sim/report/robust_report.h"

#include <algorithm>
#include <cctype>

#include "sim/output/headline.h"
#include "sim/output/number_format.h"
#include "sim/output/world_share_text.h"
#include "sim/report/figure_format.h"
#include "sim/report/html_escape.h"
#include "sim/report/html_page.h"
#include "sim/report/robust_reader.h"
#include "sim/report/spread_chart.h"
#include "sim/report/table_cells.h"
#include "sim/report/tornado_chart.h"

namespace delivsim::report {

namespace {

constexpr const char* kRobustJsonName = "robust.json";

/// The figure's label as the verdict lines write it: "delivered share", "time to drain".
std::string lower_label(const RobustFigureKey& figure) {
  std::string label = figure_heading(figure.label);
  if (!label.empty()) label[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(label[0])));
  return label;
}

/// True when strategy `s`'s value of figure `f` (for s > 0: its difference from the first strategy's) is
/// not the same in every world where it exists.
bool varies(const RobustFile& robust, std::size_t s, std::size_t f) {
  std::optional<double> seen;
  for (std::size_t w = 0; w < robust.strategies[s].worlds.size(); ++w) {
    const std::optional<double> value = robust.strategies[s].worlds[w][f];
    const std::optional<double> first = robust.strategies[0].worlds[w][f];
    if (!value || !first) continue;
    const double compared = s == 0 ? *value : *value - *first;
    if (seen && *seen != compared) return true;
    seen = compared;
  }
  return false;
}

std::string facts_html(const RobustFile& robust) {
  std::string out = element("h1", "delivsim compare --robust: " + robust.scenario, "title");
  out += element(
      "p",
      robust.path + " · " + format_count_noun(robust.worlds, "receiver world", "receiver worlds") + " · " +
          format_count_noun(robust.varied.size(), "assumed parameter varied", "assumed parameters varied") +
          " (Latin hypercube seed " + std::to_string(robust.uncertainty_seed) + ") · simulation seed " +
          std::to_string(robust.seed) + " · " +
          format_count_noun(robust.replications, "replication", "replications") + " per world · " +
          format_count_noun(robust.strategies.size(), "strategy", "strategies"),
      "facts");
  out +=
      element("p", "Every strategy ran in every world on common random numbers. Shares are of the " +
                       format_count(robust.worlds) + " worlds; a difference is the strategy's value minus " +
                       robust.strategies[0].name + "'s in the same world.");
  return out;
}

std::string verdicts_html(const RobustFile& robust) {
  std::string items;
  for (const RobustStrategyFile& strategy : robust.strategies) {
    for (const RobustStanding& standing : strategy.figures) {
      if (standing.verdict) items += element("li", *standing.verdict);
    }
  }
  std::string out = element("h2", "Verdicts", "verdicts-section");
  if (items.empty()) return out + element("p", "One strategy: nothing to compare it with.");
  return out + "<ul id=\"verdicts\">\n" + items + "</ul>\n";
}

HtmlTable standings_table(const RobustFile& robust, std::size_t f) {
  const RobustFigureKey& figure = robust.figures[f];
  HtmlTable table{html_id("robust-table-" + figure.key),
                  {"strategy", "best in", "beats " + robust.strategies[0].name, "ties", "loses",
                   "difference p5", "p50", "p95", "mean"},
                  {},
                  {}};
  const std::string none(kMissingFigure);
  for (const RobustStrategyFile& strategy : robust.strategies) {
    const RobustStanding& standing = strategy.figures[f];
    std::vector<HtmlCell> row{{strategy.name, ""}, {format_world_share(standing.best_share), "num"}};
    for (const std::optional<double> share :
         {standing.versus_first ? std::optional(standing.versus_first->wins) : std::nullopt,
          standing.versus_first ? std::optional(standing.versus_first->ties) : std::nullopt,
          standing.versus_first ? std::optional(standing.versus_first->losses) : std::nullopt}) {
      row.push_back({share ? format_world_share(*share) : none, "num"});
    }
    const std::optional<RobustDifference>& d = standing.difference;
    for (const std::optional<double> value :
         {d ? std::optional(d->p5) : std::nullopt, d ? std::optional(d->p50) : std::nullopt,
          d ? std::optional(d->p95) : std::nullopt, d ? std::optional(d->mean) : std::nullopt}) {
      row.push_back({value ? format_figure_difference(figure.key, *value) : none, "num"});
    }
    table.rows.push_back(std::move(row));
  }
  return table;
}

/// The spread chart and the tornado charts of figure `f`.
std::string figure_charts_html(const RobustFile& robust, std::size_t f) {
  const RobustFigureKey& figure = robust.figures[f];
  const std::string label = lower_label(figure);
  const std::string& first = robust.strategies[0].name;
  std::string charts;
  std::vector<SpreadRow> rows;
  for (std::size_t s = 1; s < robust.strategies.size(); ++s) {
    rows.push_back({robust.strategies[s].name, robust.strategies[s].figures[f].difference});
  }
  const bool any_difference =
      std::any_of(rows.begin(), rows.end(), [](const SpreadRow& row) { return row.difference.has_value(); });
  if (any_difference) {
    charts += spread_chart_svg(html_id("chart-spread-" + figure.key),
                               "Spread over the worlds: " + label + " minus " + first, figure.key,
                               "Difference from " + first, rows);
  }
  // Each strategy's difference from the first (the first's own figure when it is alone).
  const std::size_t from = robust.strategies.size() == 1 ? 0 : 1;
  for (std::size_t s = from; s < robust.strategies.size(); ++s) {
    const std::vector<RobustSensitivity>& sensitivity = robust.strategies[s].figures[f].sensitivity;
    if (sensitivity.empty() || !varies(robust, s, f)) continue;
    const std::string name = robust.strategies[s].name;
    charts +=
        tornado_chart_svg(html_id("chart-tornado-" + std::to_string(s) + "-" + figure.key),
                          s == 0 ? name + ": what " + label + " hinges on"
                                 : name + " minus " + first + ": what the " + label + " difference hinges on",
                          s == 0 ? "Spearman's rho with the figure" : "Spearman's rho with the difference",
                          sensitivity, robust.noise_rank_correlation);
  }
  return charts.empty() ? "" : "<div class=\"charts\">\n" + charts + "</div>\n";
}

std::string figures_html(const RobustFile& robust) {
  std::string out;
  for (std::size_t f = 0; f < robust.figures.size(); ++f) {
    const RobustFigureKey& figure = robust.figures[f];
    out += element("h2",
                   figure_heading(figure.label) + " (" +
                       (figure.better == Better::Higher ? "higher" : "lower") + " is better)",
                   html_id("figure-" + figure.key));
    out += table_html(standings_table(robust, f));
    out += figure_charts_html(robust, f);
  }
  return out;
}

std::string varied_html(const RobustFile& robust) {
  std::string out = element("h2", "Varied assumptions", "varied-section");
  if (robust.varied.empty()) {
    return out + element("p",
                         "Nothing was varied: every world is the scenario as written, so the worlds are "
                         "the plain compare's replications.");
  }
  out += element("p", "Tornado charts shade |rho| < " + format_fixed(robust.noise_rank_correlation, 2) +
                          ": rank correlations that sampling noise alone gives at " +
                          format_count(robust.worlds) + " worlds.");
  HtmlTable table{"robust-varied", {"parameter", "low", "high", "scale"}, {}, {}};
  for (const RobustVaried& varied : robust.varied) {
    table.rows.push_back({{varied.label, ""}, {varied.low, "num"}, {varied.high, "num"}, {varied.scale, ""}});
  }
  return out + table_html(table);
}

std::string robust_body_html(const RobustFile& robust) {
  return facts_html(robust) + verdicts_html(robust) + figures_html(robust) + varied_html(robust);
}

}  // namespace

bool has_robust(const std::filesystem::path& dir) {
  return std::filesystem::is_regular_file(dir / kRobustJsonName);
}

std::string robust_html(const std::filesystem::path& dir) {
  return robust_body_html(read_robust_file(dir / kRobustJsonName));
}

}  // namespace delivsim::report
