// A variant (a strategy or a sweep point): the base tree, its settings applied at their own positions, read
// like the file itself.
#include <algorithm>
#include <array>

#include "sim/scenario/batch_sections.h"
#include "sim/scenario/scenario_reader.h"
#include "sim/scenario/set_override.h"
#include "sim/yaml/scenario_error.h"

namespace delivsim {

namespace {

/// Top-level keys a variant's setting may not name: the batch keys (variants do not nest), `replications`
/// (one count for every variant of a file: the file's key or --replications), `expect` (a strategy has its
/// own `expect:`; sweep points are judged by the objective's `subject_to:`) and `uncertainty` (one design of
/// worlds for every variant).
constexpr std::array<std::string_view, 6> kNotSettable = {"strategies",   "sweep",  "objective",
                                                          "replications", "expect", "uncertainty"};

void require_settable(const VariantSetting& setting) {
  const std::string key = override_top_key(setting.path, setting.path_position);
  if (std::find(kNotSettable.begin(), kNotSettable.end(), key) == kNotSettable.end()) return;
  fail_at(setting.path_position, setting.path,
          "sets " + quote_value(key) + ", which a strategy or a sweep point cannot change",
          "a path into the scenario (not strategies, sweep, objective, replications, expect or uncertainty)");
}

}  // namespace

Scenario read_variant(const VariantBase& base, const std::vector<VariantSetting>& settings,
                      const std::string& label) {
  YamlNode tree = base.tree;
  try {
    for (const VariantSetting& setting : settings) {
      require_settable(setting);
      apply_override(tree, setting.path, setting.path_position, setting.value);
    }
    return read_scenario(tree, base.default_name, base.source_path);
  } catch (const ScenarioError& error) {
    throw ScenarioError(error.file, error.line, error.column, error.field,
                        error.problem + " (in " + label + ")", error.expected, error.hint);
  }
}

}  // namespace delivsim
