#pragma once
/// @file The receiver worlds of a robust run: a Latin hypercube over the varied receiver parameters
/// (sim/scenario/uncertainty.h says which and over what range), drawn once, serially, from its own seed, so
/// the worlds never depend on the thread count. World w of every strategy or sweep point gets the same
/// parameter values (common random numbers across strategies, and across worlds for the simulation seeds).
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "sim/scenario/param_value.h"
#include "sim/scenario/scenario.h"
#include "sim/scenario/scenario_batch.h"
#include "sim/scenario/uncertainty.h"

namespace delivsim {

/// One varied parameter of one provider: a dimension of the hypercube.
struct VariedParam {
  std::string provider;  ///< the scenario's provider name, e.g. "gmail"
  std::string param;     ///< ReceiverParams key, e.g. "quota_floor_medium"
  ParamValue low, high;  ///< the range's ends
  RangeScale scale = RangeScale::Linear;
  /// "gmail.quota_floor_medium": the parameter's name in tables, robust.csv columns and the tornado chart.
  std::string label() const { return provider + "." + param; }
};

/// The worlds of a robust run.
struct WorldDesign {
  std::uint64_t seed = 0;           ///< the hypercube's seed (uncertainty.seed, else the scenario's)
  std::vector<VariedParam> varied;  ///< in provider order, then ReceiverParams order
  /// values[w][d]: world w's value of varied[d]. Dimension d's stream is named "uncertainty:<label>" (see
  /// RngStreams::derive_seed), so adding a parameter never shifts another's draws; its N values fall one in
  /// each of N equal-probability strata (Latin hypercube), at a uniform point inside the stratum, mapped
  /// through the scale. Ints are rounded to the nearest whole number, durations to whole milliseconds, a
  /// distribution's median (mean, value) is drawn and its sigma interpolated at the same point.
  std::vector<std::vector<ParamValue>> values;
};

/// The world design of `batch` with `worlds` (1..kMaxWorlds) worlds: its `uncertainty:` block (or the
/// default, every assumed parameter of every provider whose profile throttles by reputation
/// (ProviderProfile::throttles_by_reputation: gmail) over its documented range, minus those
/// its `params:` pin). A design may vary nothing (every range fixed): every world is then the scenario.
WorldDesign design_worlds(const ScenarioBatch& batch, int worlds);

/// `scenario` in world `world` of `design`: every varied parameter of its providers set to the world's
/// value, except one the scenario itself sets in `providers.<p>.params` (a strategy's own `set:` of a
/// receiver parameter wins in every world). The simulation seed is left alone.
Scenario scenario_in_world(const Scenario& scenario, const WorldDesign& design, std::size_t world);

}  // namespace delivsim
