#include "sim/scenario/scenario_batch.h"

#include <algorithm>
#include <array>

#include "sim/scenario/batch_sections.h"
#include "sim/scenario/scenario_reader.h"
#include "sim/scenario/scenario_sections.h"
#include "sim/scenario/sender_import.h"
#include "sim/scenario/set_override.h"
#include "sim/yaml/source_text.h"

namespace delivsim {

namespace {

/// The top-level keys a variant does not inherit: the batch keys, `expect` (a strategy has its own) and
/// `uncertainty` (one design of worlds for every variant of the file).
constexpr std::array<std::string_view, 5> kNotInherited = {"strategies", "sweep", "objective", "expect",
                                                           "uncertainty"};

/// `root` without the keys variants do not inherit.
VariantBase variant_base(const YamlNode& root, const std::string& default_name,
                         const std::string& source_path) {
  VariantBase base{root, default_name, source_path};
  std::erase_if(base.tree.entries, [](const YamlMapEntry& entry) {
    return std::find(kNotInherited.begin(), kNotInherited.end(), entry.key) != kNotInherited.end();
  });
  return base;
}

/// Refuses a wins(...) in the file's or a strategy's `expect:` that names a strategy the file does not have.
void check_wins_names(const YamlNode& root, const ScenarioBatch& batch) {
  const NameIndex names = names_of(batch.strategies);
  if (const YamlNode* expect = root.find("expect")) {
    require_wins_strategies_declared(Field(*expect, "expect"), names);
  }
  const YamlNode* strategies = root.find("strategies");
  if (strategies == nullptr) return;
  for (const Field& item : list_items(Field(*strategies, "strategies"), "a list of strategies")) {
    if (const YamlNode* expect = item.node().find("expect")) {
      require_wins_strategies_declared(Field(*expect, item.child_path("expect")), names);
    }
  }
}

ScenarioBatch read_scenario_batch(const YamlNode& root, const std::string& source_name) {
  const std::string default_name = std::filesystem::path(source_name).stem().string();
  ScenarioBatch batch;
  batch.base = read_scenario(root, default_name, source_name);
  const YamlNode* strategies = root.find("strategies");
  const YamlNode* sweep = root.find("sweep");
  const YamlNode* objective = root.find("objective");
  if (strategies != nullptr || sweep != nullptr) {
    const VariantBase base = variant_base(root, default_name, source_name);
    if (strategies != nullptr) batch.strategies = read_strategies(Field(*strategies, "strategies"), base);
    if (sweep != nullptr) read_sweep(Field(*sweep, "sweep"), base, batch);
  }
  if (objective != nullptr) {
    const Field field(*objective, "objective");
    if (sweep == nullptr) field.fail("is given without sweep", "objective: only together with sweep:");
    batch.objective = read_objective(field, batch.base);
  }
  if (const YamlNode* uncertainty = root.find("uncertainty"))
    batch.uncertainty = read_uncertainty(Field(*uncertainty, "uncertainty"), batch.base);
  check_wins_names(root, batch);
  return batch;
}

}  // namespace

ScenarioBatch load_scenario_batch(const std::filesystem::path& path,
                                  const std::vector<std::string>& set_overrides) {
  return parse_scenario_batch(read_scenario_file(path), path.string(), set_overrides);
}

ScenarioBatch parse_scenario_batch(std::string_view yaml_text, const std::string& source_name,
                                   const std::vector<std::string>& set_overrides) {
  check_yaml_text(yaml_text, source_name);
  YamlNode root = parse_yaml(yaml_text, PositionMapping{source_name});
  std::vector<std::string> import_warnings = expand_sender_import(root, source_name);
  apply_set_overrides(root, set_overrides);
  ScenarioBatch batch = read_scenario_batch(root, source_name);
  // The import's warnings first, then the reader's own (a replayed log's).
  import_warnings.insert(import_warnings.end(), batch.base.import_warnings.begin(),
                         batch.base.import_warnings.end());
  batch.base.import_warnings = std::move(import_warnings);
  return batch;
}

}  // namespace delivsim
