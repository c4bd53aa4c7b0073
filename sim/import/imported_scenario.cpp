#include "sim/import/imported_scenario.h"

#include "sim/import/default_provider_keys.h"
#include "sim/import/import_warning_text.h"
#include "sim/import/positioned_yaml_writer.h"
#include "sim/import/tree_builder.h"

namespace delivsim {

namespace {

/// Where the values the configuration does not hold come from, for their comments.
const SourcePosition kTrafficOrigin{"not in the config: describe your traffic (or replay an accounting log)",
                                    0, 0};
const SourcePosition kDomainOrigin{"not in the config: the domain your mail is signed with", 0, 0};
const SourcePosition kStandInIpOrigin{"not in the config: a documentation address (RFC 5737) standing in", 0,
                                      0};

/// Shares of `count` domains, each written with six decimals, summing to exactly 1.
std::vector<std::string> equal_shares(std::size_t count) {
  const long long millionths = 1000000;
  std::vector<std::string> shares;
  long long left = millionths;
  for (std::size_t i = 0; i < count; ++i) {
    const long long share = i + 1 == count ? left : millionths / static_cast<long long>(count);
    left -= share;
    std::string fraction = std::to_string(share % millionths);
    fraction.insert(0, 6 - fraction.size(), '0');
    shares.push_back(std::to_string(share / millionths) + "." + fraction);
  }
  return shares;
}

/// Recipient domains usable in a traffic mix: the named ones without wildcards; gmail.com when none is.
std::vector<std::string> mix_domains(const ImportedConfig& imported) {
  std::vector<std::string> domains;
  for (const std::string& domain : imported.recipient_domains) {
    if (domain.find('*') == std::string::npos && !domain.empty()) domains.push_back(domain);
  }
  if (domains.empty()) domains.push_back("gmail.com");
  return domains;
}

/// The pool the starting traffic goes through: the default pool, else the first one.
std::string traffic_pool(const ImportedConfig& imported, const YamlNode& pools) {
  if (!imported.default_pool.empty()) return imported.default_pool;
  return pools.entries.front().key;
}

YamlNode starting_traffic(const ImportedConfig& imported, const std::string& pool) {
  const SourcePosition& at = kTrafficOrigin;
  YamlNode source = map_node(at);
  set_entry(source, "name", scalar_node("imported", at));
  set_entry(source, "pool", scalar_node(pool, at, true));
  set_entry(source, "dkim_domain", scalar_node("example.com", kDomainOrigin));
  YamlNode& stream = set_entry(source, "stream", map_node(at));
  set_entry(stream, "rate", scalar_node("10000/d", at));
  YamlNode& mix = set_entry(source, "domains", map_node(at));
  const std::vector<std::string> domains = mix_domains(imported);
  const std::vector<std::string> shares = equal_shares(domains.size());
  for (std::size_t i = 0; i < domains.size(); ++i) set_entry(mix, domains[i], scalar_node(shares[i], at));
  YamlNode traffic = sequence_node(at);
  traffic.items.push_back(source);
  return traffic;
}

YamlNode scenario_tree(const ImportedConfig& imported) {
  YamlNode root = map_node({});
  set_entry(root, "name", scalar_node("imported", {}));
  YamlNode& identities = set_entry(root, "identities", map_node({}));
  YamlNode pools = map_node({});
  if (const YamlNode* imported_identities = imported.scenario_keys.find("identities"))
    identities = *imported_identities;
  if (const YamlNode* imported_pools = imported.scenario_keys.find("pools")) pools = *imported_pools;
  if (pools.entries.empty()) {
    YamlNode ips = sequence_node(kStandInIpOrigin);
    YamlNode ip = map_node(kStandInIpOrigin);
    set_entry(ip, "address", scalar_node("192.0.2.1", kStandInIpOrigin));
    ips.items.push_back(ip);
    set_entry(identities, "ips", ips);
    YamlNode pool = sequence_node(kStandInIpOrigin);
    pool.items.push_back(scalar_node("192.0.2.1", kStandInIpOrigin));
    set_entry(pools, "default", pool);
  }
  YamlNode domains = sequence_node(kDomainOrigin);
  YamlNode domain = map_node(kDomainOrigin);
  set_entry(domain, "name", scalar_node("example.com", kDomainOrigin));
  domains.items.push_back(domain);
  set_entry(identities, "domains", domains);
  const std::string pool = traffic_pool(imported, pools);
  set_entry(root, "pools", pools);
  if (const YamlNode* providers = imported.scenario_keys.find("providers")) {
    set_entry(root, "providers", providers_with_defaults(*providers));
  }
  set_entry(root, "traffic", starting_traffic(imported, pool));
  if (const YamlNode* sender = imported.scenario_keys.find("sender")) set_entry(root, "sender", *sender);
  return root;
}

}  // namespace

std::string imported_scenario_text(const ImportedConfig& imported, MtaFormat format,
                                   const std::vector<std::string>& files) {
  std::string text(kImportedScenarioMarker);
  text += " " + std::string(mta_format_name(format));
  for (const std::string& file : files) text += " " + file;
  text +=
      "\n# Each value's comment names the config line it came from. The traffic is not in an MTA "
      "configuration:\n# replace the starting stream below with yours. How IPs' ages and every "
      "directive map: docs/import.md.\n";
  if (imported.warnings.empty()) {
    text += "# Every directive was imported.\n";
  } else {
    text += "# Not imported, or imported in part (" + std::to_string(imported.warnings.size()) + "):\n";
    for (const ImportWarning& warning : imported.warnings)
      text += "#   " + import_warning_text(warning) + "\n";
  }
  return text + "\n" + positioned_yaml_text(scenario_tree(imported));
}

}  // namespace delivsim
