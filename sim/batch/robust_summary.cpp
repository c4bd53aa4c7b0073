#include "sim/batch/robust_compare.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "sim/output/headline.h"
#include "sim/stats/rank_correlation.h"
#include "sim/stats/sample_statistics.h"

namespace delivsim {

namespace {

/// The two-sided 5% point of the normal distribution.
constexpr double kNormal975 = 1.96;

using Value = std::optional<double>;

/// Per world, strategy s's value of figure f.
std::vector<Value> figure_values(const std::vector<std::vector<WorldOutcome>>& outcomes, std::size_t s,
                                 std::size_t f) {
  std::vector<Value> values;
  for (const WorldOutcome& world : outcomes[s]) values.push_back(world.figures[f]);
  return values;
}

double best_share(const std::vector<std::vector<WorldOutcome>>& outcomes, std::size_t s, std::size_t f,
                  Better better) {
  const std::size_t worlds = outcomes[s].size();
  std::size_t best = 0;
  for (std::size_t w = 0; w < worlds; ++w) {
    const Value& own = outcomes[s][w].figures[f];
    bool beaten = false;
    for (const std::vector<WorldOutcome>& other : outcomes)
      beaten = beaten || strictly_better(other[w].figures[f], own, better);
    best += beaten ? 0 : 1;
  }
  return static_cast<double>(best) / static_cast<double>(worlds);
}

WinShares win_shares(const std::vector<Value>& first, const std::vector<Value>& own, Better better) {
  std::size_t wins = 0, losses = 0;
  for (std::size_t w = 0; w < own.size(); ++w) {
    if (strictly_better(own[w], first[w], better))
      ++wins;
    else if (strictly_better(first[w], own[w], better))
      ++losses;
  }
  const auto worlds = static_cast<double>(own.size());
  const auto ties = own.size() - wins - losses;
  return {static_cast<double>(wins) / worlds, static_cast<double>(ties) / worlds,
          static_cast<double>(losses) / worlds};
}

/// The sensitivity of `values` (per world; nullopt where missing) to every varied parameter, most
/// influential first.
std::vector<Sensitivity> sensitivity(const WorldDesign& design, const std::vector<Value>& values) {
  std::vector<Sensitivity> result;
  std::vector<double> present;
  for (const Value& value : values) {
    if (value) present.push_back(*value);
  }
  for (std::size_t d = 0; d < design.varied.size(); ++d) {
    std::vector<double> params;
    for (std::size_t w = 0; w < values.size(); ++w) {
      if (values[w]) params.push_back(param_number(design.values[w][d]));
    }
    result.push_back({d, spearman_rank_correlation(params, present)});
  }
  std::stable_sort(result.begin(), result.end(), [](const Sensitivity& a, const Sensitivity& b) {
    return std::abs(a.rank_correlation) > std::abs(b.rank_correlation);
  });
  return result;
}

RobustFigure summarise_figure(const WorldDesign& design,
                              const std::vector<std::vector<WorldOutcome>>& outcomes, std::size_t s,
                              std::size_t f) {
  const Better better = headline_figures()[f].better;
  const std::vector<Value> own = figure_values(outcomes, s, f);
  RobustFigure figure;
  figure.best_share = best_share(outcomes, s, f, better);
  if (s == 0) {
    figure.sensitivity = sensitivity(design, own);
    return figure;
  }
  const std::vector<Value> first = figure_values(outcomes, 0, f);
  figure.versus_first = win_shares(first, own, better);
  std::vector<Value> differences;
  std::vector<double> present;
  for (std::size_t w = 0; w < own.size(); ++w) {
    differences.push_back(own[w] && first[w] ? Value(*own[w] - *first[w]) : std::nullopt);
    if (differences.back()) present.push_back(*differences.back());
  }
  if (!present.empty()) {
    const SampleStats stats = sample_stats(present);
    figure.difference_p5 = stats.p5;
    figure.difference_p50 = stats.p50;
    figure.difference_p95 = stats.p95;
    figure.difference_mean = stats.mean;
  }
  figure.sensitivity = sensitivity(design, differences);
  return figure;
}

}  // namespace

double noise_rank_correlation(int worlds) {
  if (worlds <= 1) return 1;
  return kNormal975 / std::sqrt(static_cast<double>(worlds - 1));
}

RobustResult summarise_robust(const ScenarioBatch& batch, const WorldDesign& design, int replications,
                              std::vector<std::vector<WorldOutcome>> outcomes) {
  const std::size_t figure_count = headline_figures().size();
  const std::size_t worlds = design.values.size();
  if (outcomes.empty() || outcomes.size() != batch.strategies.size() || worlds == 0) {
    throw std::invalid_argument("a robust comparison needs every strategy's worlds");
  }
  for (const std::vector<WorldOutcome>& strategy : outcomes) {
    const bool complete = strategy.size() == worlds &&
                          std::all_of(strategy.begin(), strategy.end(), [&](const WorldOutcome& world) {
                            return world.figures.size() == figure_count;
                          });
    if (!complete)
      throw std::invalid_argument("a robust comparison needs every headline figure in every world");
  }
  RobustResult result;
  result.scenario = batch.base.name;
  result.path = batch.base.source_path;
  result.seed = batch.base.seed;
  result.replications = replications;
  result.design = design;
  for (std::size_t s = 0; s < outcomes.size(); ++s) {
    RobustStrategy strategy{batch.strategies[s].name, batch.strategies[s].description, {}, {}};
    for (std::size_t f = 0; f < figure_count; ++f)
      strategy.figures.push_back(summarise_figure(design, outcomes, s, f));
    result.strategies.push_back(std::move(strategy));
  }
  for (std::size_t s = 0; s < outcomes.size(); ++s) result.strategies[s].worlds = std::move(outcomes[s]);
  return result;
}

}  // namespace delivsim
