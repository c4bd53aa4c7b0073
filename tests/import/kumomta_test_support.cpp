#include "tests/import/kumomta_test_support.h"

#include <gtest/gtest.h>

#include <fstream>

#include "sim/import/default_provider_keys.h"
#include "sim/import/kumomta_import.h"
#include "sim/scenario/scenario_loader.h"
#include "sim/yaml/yaml_flow_text.h"
#include "tests/test_id.h"

namespace delivsim::test {

std::filesystem::path write_toml(std::string_view name, std::string_view text) {
  const std::filesystem::path folder =
      std::filesystem::temp_directory_path() / "delivsim-kumomta-test" / delivsim::testing::current_test_id();
  std::filesystem::create_directories(folder);
  const std::filesystem::path path = folder / name;
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

std::string scenario_text(const ImportedConfig& config, std::string_view traffic_keys) {
  YamlNode root = config.scenario_keys;
  if (YamlNode* providers = root.find("providers")) *providers = providers_with_defaults(*providers);
  const std::string keys = flow_text(root);
  return keys.substr(0, keys.size() - 1) +
         ", identities: {ips: [{address: 192.0.2.1}], domains: [{name: example.com}]}, "
         "pools: {main: [192.0.2.1]}, traffic: [{name: mail, pool: main, dkim_domain: example.com, " +
         std::string(traffic_keys) + "}]}";
}

Scenario scenario_of(const ImportedConfig& config) {
  return parse_scenario(scenario_text(config), "imported.yaml");
}

const YamlNode* node_at(const YamlNode& root, std::string_view path) {
  const YamlNode* node = &root;
  while (node != nullptr && !path.empty()) {
    const std::size_t dot = path.find('/');
    const std::string part(path.substr(0, dot));
    path = dot == std::string_view::npos ? std::string_view() : path.substr(dot + 1);
    if (node->kind == YamlNode::Kind::Sequence) {
      const std::size_t index = std::stoul(part);
      node = index < node->items.size() ? &node->items[index] : nullptr;
    } else {
      node = node->find(part);
    }
  }
  return node;
}

ImportedConfig import_text(std::string_view text) {
  return import_kumomta({write_toml("shaping.toml", text)});
}

ScenarioError import_error(std::string_view text) {
  try {
    import_text(text);
  } catch (const ScenarioError& error) {
    return error;
  }
  ADD_FAILURE() << "no error for:\n" << text;
  return ScenarioError("", 0, 0, "", "", "");
}

std::vector<std::string> warning_places(const ImportedConfig& config) {
  std::vector<std::string> places;
  for (const ImportWarning& warning : config.warnings)
    places.push_back(std::to_string(warning.where.line) + ":" + std::to_string(warning.where.column) + " " +
                     warning.directive);
  return places;
}

std::filesystem::path fixture(std::string_view name) {
  return std::filesystem::path(DELIVSIM_SOURCE_DIR) / "tests" / "import" / "fixtures" / name;
}

}  // namespace delivsim::test
