// A variant (a strategy or a sweep point): the base tree, its settings applied at their own positions, read
// like the file itself.
#include "sim/scenario/batch_sections.h"
#include "sim/scenario/scenario_error.h"
#include "sim/scenario/scenario_reader.h"
#include "sim/scenario/set_override.h"

namespace delivsim {

Scenario read_variant(const VariantBase& base, const std::vector<VariantSetting>& settings,
                      const std::string& label) {
  YamlNode tree = base.tree;
  try {
    for (const VariantSetting& setting : settings) {
      apply_override(tree, setting.path, setting.path_position, setting.value);
    }
    return read_scenario(tree, base.default_name, base.source_path);
  } catch (const ScenarioError& error) {
    throw ScenarioError(error.file, error.line, error.column, error.field,
                        error.problem + " (in " + label + ")", error.expected, error.hint);
  }
}

}  // namespace delivsim
