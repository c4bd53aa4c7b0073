#pragma once
/// @file A scenario file with its batch parts: `strategies:` (named override sets compared by
/// `delivsim compare`), `sweep:` (a grid of override values run by `delivsim sweep`) and `objective:` (which
/// sweep point is best). Every strategy and sweep point is the file's scenario with its overrides applied
/// to the parsed tree and read again, so a bad override is reported exactly like the same key written in
/// the file, at the override's own file:line:column.
#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "sim/scenario/expectation.h"
#include "sim/scenario/scenario.h"
#include "sim/scenario/uncertainty.h"

namespace delivsim {

/// The scenario with one set of overrides applied: a strategy or a sweep point.
struct ScenarioVariant {
  std::string name;  ///< the strategy's name, or "point-001"... for sweep points (1-based, zero-padded to 3)
  std::string description;  ///< a strategy's `description:`; empty for sweep points
  /// The overrides as (dotted path, value text as written, flow YAML for lists/maps), in the order given.
  std::vector<std::pair<std::string, std::string>> settings;
  Scenario scenario;  ///< its `expectations` are the strategy's own `expect:` list (none for sweep points)
};

/// The most axes a `sweep:` may have.
inline constexpr std::size_t kMaxSweepAxes = 3;
/// The most points a `sweep:` may have (the product of its axes' value counts).
inline constexpr std::size_t kMaxSweepPoints = 10000;

/// One swept parameter.
struct SweepAxis {
  std::string path;  ///< dotted path as in `--set`, e.g. "sender.destinations.gmail.max_smtp_out"
  /// The value texts in order (a range is expanded: from, from+step, ... to).
  std::vector<std::string> values;
};

/// `objective:` of a sweep: the figure to minimise or maximise, over the points meeting every constraint.
struct Objective {
  enum class Goal { Minimize, Maximize } goal = Goal::Minimize;
  Figure figure;            ///< parsed like an expectation's figure path
  std::string figure_text;  ///< as written, e.g. "providers.gmail.time_to_drain_s"
  /// `subject_to:` conditions, each an expectation such as "providers.gmail.deferral_rate <= 0.05".
  std::vector<Expectation> constraints;
  /// `min_share_of_worlds:` (0..1): under `sweep --robust`, a point must meet every constraint in at least
  /// this share of the receiver worlds to be best.
  double min_share_of_worlds = 0.9;
};

/// Everything in one scenario file.
struct ScenarioBatch {
  Scenario base;  ///< the file without strategies/sweep/objective; its `expect:` list is the base's
  std::vector<ScenarioVariant> strategies;  ///< in the order written; empty when there is no `strategies:`
  std::vector<SweepAxis> sweep_axes;        ///< 1 to 3 axes; empty when there is no `sweep:`
  /// Every combination of the axes' values, the first axis varying slowest; settings in axis order.
  std::vector<ScenarioVariant> sweep_points;
  std::optional<Objective> objective;  ///< only with a sweep
  /// `uncertainty:`: the ranges of robust runs (sim/batch/receiver_worlds.h); nullopt when not written.
  std::optional<UncertaintySpec> uncertainty;
};

/// As load_scenario, also reading `strategies:`, `sweep:` and `objective:`. `set_overrides` apply to the
/// base before the strategies' and points' own overrides. Throws ScenarioError.
ScenarioBatch load_scenario_batch(const std::filesystem::path& path,
                                  const std::vector<std::string>& set_overrides = {});

/// As load_scenario_batch for a text in memory (see parse_scenario).
ScenarioBatch parse_scenario_batch(std::string_view yaml_text, const std::string& source_name,
                                   const std::vector<std::string>& set_overrides = {});

}  // namespace delivsim
