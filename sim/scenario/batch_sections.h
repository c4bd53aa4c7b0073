#pragma once
/// @file The readers of a scenario file's batch keys, called by read_scenario_batch after the base scenario
/// is read: `strategies`, `sweep` and `objective`, and the one way a variant (a strategy or a sweep point)
/// is made: the base tree with its settings applied, read again by read_scenario.
#include <string>
#include <vector>

#include "sim/scenario/field_reader.h"
#include "sim/scenario/scenario_batch.h"
#include "sim/yaml/yaml_tree.h"

namespace delivsim {

/// What every variant of one file starts from.
struct VariantBase {
  YamlNode tree;  ///< the file's tree after `--set`, without `strategies`, `sweep`, `objective` and `expect`
  std::string default_name;  ///< as for read_scenario
  std::string source_path;   ///< as for read_scenario
};

/// One setting of a variant: a dotted path written at `path_position`, and the value put there.
struct VariantSetting {
  std::string path;
  SourcePosition path_position;
  YamlNode value;
};

/// The base tree with `settings` applied in order, read by read_scenario. A ScenarioError, wherever it is
/// (in a setting, or in the file's text that a setting made invalid), is rethrown with " (in <label>)"
/// added to its problem.
Scenario read_variant(const VariantBase& base, const std::vector<VariantSetting>& settings,
                      const std::string& label);

/// `strategies:`: a list of {name, description, set, expect}; names are plain and unique.
std::vector<ScenarioVariant> read_strategies(const Field& field, const VariantBase& base);

/// `sweep:`: fills `batch.sweep_axes` and `batch.sweep_points`.
void read_sweep(const Field& field, const VariantBase& base, ScenarioBatch& batch);

/// `objective:`: {minimize | maximize: <figure path>, subject_to: [expectations]}, checked against `base`.
Objective read_objective(const Field& field, const Scenario& base);

/// `uncertainty:` {worlds, seed, providers: {<p>: {vary, ranges}}}, checked against `base`'s providers (each
/// with the gmail profile; a range only for an assumed, non-switch parameter its `params:` does not write).
UncertaintySpec read_uncertainty(const Field& field, const Scenario& base);

}  // namespace delivsim
