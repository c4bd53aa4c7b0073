#include "sim/batch/compare_figures.h"

#include "sim/stats/sample_statistics.h"

namespace delivsim {

std::vector<FigureStats> headline_stats(std::span<const RunResult> replications) {
  std::vector<Headline> headlines;
  for (const RunResult& result : replications) headlines.push_back(headline_of(result));
  std::vector<FigureStats> stats;
  for (const HeadlineFigure& figure : headline_figures()) {
    FigureStats figure_stats;
    std::vector<double> present;
    for (const Headline& headline : headlines) {
      figure_stats.values.push_back(figure.value(headline));
      if (figure_stats.values.back()) present.push_back(*figure_stats.values.back());
    }
    if (present.size() == headlines.size()) {
      const SampleStats sample = sample_stats(present);
      figure_stats.mean = sample.mean;
      figure_stats.sd = sample.sd;
    }
    stats.push_back(std::move(figure_stats));
  }
  return stats;
}

std::optional<std::size_t> best_index(std::span<const std::optional<double>> means, Better better) {
  std::optional<std::size_t> best;
  for (std::size_t i = 0; i < means.size(); ++i) {
    if (!means[i]) continue;
    const bool beats =
        !best || (better == Better::Higher ? *means[i] > *means[*best] : *means[i] < *means[*best]);
    if (beats) best = i;
  }
  return best;
}

}  // namespace delivsim
