#include "import_scenario_text.h"

#include "sim/import/tree_builder.h"
#include "sim/scenario/yaml_flow_text.h"

namespace delivsim {

std::string imported_scenario_text(const ImportedConfig& config, std::string pool, std::string domain) {
  YamlNode root = config.scenario_keys;
  if (pool.empty()) pool = config.default_pool;
  if (domain.empty())
    domain = config.recipient_domains.empty() ? "gmail.com" : config.recipient_domains.front();
  YamlNode sending = map_node({});
  set_entry(sending, "name", scalar_node("example.com", {}));
  YamlNode domains = sequence_node({});
  domains.items.push_back(sending);
  set_entry(child_map(root, "identities", {}), "domains", domains);
  YamlNode source = map_node({});
  set_entry(source, "name", scalar_node("t", {}));
  set_entry(source, "pool", scalar_node(pool, {}));
  set_entry(source, "dkim_domain", scalar_node("example.com", {}));
  set_entry(child_map(source, "campaign", {}), "recipients", scalar_node("1", {}));
  set_entry(child_map(source, "domains", {}), domain, scalar_node("1", {}));
  YamlNode traffic = sequence_node({});
  traffic.items.push_back(source);
  set_entry(root, "traffic", traffic);
  return flow_text(root);
}

}  // namespace delivsim
