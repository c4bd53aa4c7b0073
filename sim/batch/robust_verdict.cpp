#include "sim/batch/robust_compare.h"

#include <stdexcept>

#include "sim/batch/compare_figure_text.h"
#include "sim/output/headline.h"
#include "sim/output/world_share_text.h"

namespace delivsim {

namespace {

/// The share from which a strategy is said to beat (or lose to) the first outright.
constexpr double kMajority = 0.5;

/// " (p5 +38.0 pp)": the named percentile of the difference, or nothing when no world has both values.
std::string quoted_percentile(const HeadlineFigure& figure, const char* name,
                              const std::optional<double>& value) {
  if (!value) return "";
  return std::string(" (") + name + " " + format_figure_difference(figure, *value) + ")";
}

}  // namespace

std::string robust_verdict(const RobustResult& result, std::size_t s, std::size_t f) {
  const auto figures = headline_figures();
  if (s == 0 || s >= result.strategies.size() || f >= figures.size()) {
    throw std::invalid_argument("a verdict needs a strategy after the first and a headline figure");
  }
  const HeadlineFigure& figure = figures[f];
  const RobustFigure& standing = result.strategies[s].figures[f];
  const WinShares& shares = *standing.versus_first;
  const std::string& name = result.strategies[s].name;
  const std::string subject = " " + result.strategies.front().name + " on " + figure_in_words(figure);
  const std::string worlds = std::to_string(result.design.values.size()) + " worlds";
  const bool higher = figure.better == Better::Higher;
  if (shares.ties == 1) return name + " ties with" + subject + " in all " + worlds;
  if (shares.wins >= kMajority) {
    // The least favourable side of the spread: how bad winning gets.
    return name + " beats" + subject + " in " + format_world_share(shares.wins) + " of " + worlds +
           (higher ? quoted_percentile(figure, "p5", standing.difference_p5)
                   : quoted_percentile(figure, "p95", standing.difference_p95));
  }
  if (shares.losses >= kMajority) {
    // The most favourable side: how close losing gets.
    return name + " loses to" + subject + " in " + format_world_share(shares.losses) + " of " + worlds +
           (higher ? quoted_percentile(figure, "p95", standing.difference_p95)
                   : quoted_percentile(figure, "p5", standing.difference_p5));
  }
  return name + " beats" + subject + " in " + format_world_share(shares.wins) + ", ties in " +
         format_world_share(shares.ties) + ", loses in " + format_world_share(shares.losses) + " of " +
         worlds + quoted_percentile(figure, "p50", standing.difference_p50);
}

}  // namespace delivsim
