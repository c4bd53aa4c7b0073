#include "sim/scenario/scenario_loader.h"

#include "sim/scenario/scenario_reader.h"
#include "sim/scenario/set_override.h"
#include "sim/scenario/source_text.h"
#include "sim/scenario/yaml_tree.h"

namespace delivsim {

Scenario load_scenario(const std::filesystem::path& path, const std::vector<std::string>& set_overrides) {
  return parse_scenario(read_scenario_file(path), path.string(), set_overrides);
}

Scenario parse_scenario(std::string_view yaml_text, const std::string& source_name,
                        const std::vector<std::string>& set_overrides) {
  check_yaml_text(yaml_text, source_name);
  YamlNode root = parse_yaml(yaml_text, PositionMapping{source_name});
  apply_set_overrides(root, set_overrides);
  return read_scenario(root, std::filesystem::path(source_name).stem().string(), source_name);
}

}  // namespace delivsim
