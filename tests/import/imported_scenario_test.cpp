#include "sim/import/imported_scenario.h"

#include <gtest/gtest.h>

#include "sim/import/tree_builder.h"
#include "sim/scenario/scenario_loader.h"

namespace delivsim {
namespace {

/// A small import as an importer would give it: two IPs in a pool, a Gmail destination, a provider of its
/// own.
ImportedConfig small_import() {
  ImportedConfig imported;
  YamlNode& keys = imported.scenario_keys = map_node({});
  YamlNode ips = sequence_node({"mta.conf", 3, 1});
  for (const char* address : {"192.0.2.10", "192.0.2.11"}) {
    YamlNode ip = map_node({"mta.conf", 3, 1});
    set_entry(ip, "address", scalar_node(address, {"mta.conf", 3, 18}));
    ips.items.push_back(ip);
  }
  set_entry(child_map(keys, "identities", {}), "ips", ips);
  YamlNode pool = sequence_node({"mta.conf", 8, 1});
  pool.items.push_back(scalar_node("192.0.2.10", {"mta.conf", 9, 5}));
  pool.items.push_back(scalar_node("192.0.2.11", {"mta.conf", 10, 5}));
  set_entry(child_map(keys, "pools", {}), "marketing", pool);
  YamlNode& comcast = child_map(child_map(keys, "providers", {}), "comcast", {"mta.conf", 20, 1});
  set_entry(comcast, "profile", scalar_node("generic", {"mta.conf", 20, 1}));
  YamlNode domains = sequence_node({"mta.conf", 20, 9});
  domains.items.push_back(scalar_node("comcast.net", {"mta.conf", 20, 9}, true));
  set_entry(comcast, "domains", domains);
  YamlNode& gmail = child_map(child_map(child_map(keys, "sender", {}), "destinations", {}), "gmail", {});
  set_entry(gmail, "max_smtp_out", scalar_node("5", {"mta.conf", 14, 5}));
  imported.default_pool = "marketing";
  imported.recipient_domains = {"gmail.com", "*", "yahoo.com", "comcast.net"};
  ImportWarning warning;
  warning.where = SourcePosition{"mta.conf", 2, 1};
  warning.directive = "host-name";
  warning.why = "names the MTA, has no effect on delivery";
  imported.warnings.push_back(warning);
  return imported;
}

TEST(ImportedScenario, IsARunnableScenarioThatKeepsTheImportedValues) {
  const std::string text = imported_scenario_text(small_import(), MtaFormat::PowerMta, {"mta.conf"});
  const Scenario scenario = parse_scenario(text, "imported.yaml");
  EXPECT_EQ(scenario.policy_for("gmail").max_smtp_out, 5);
  ASSERT_EQ(scenario.traffic.size(), 1u);
  EXPECT_EQ(scenario.traffic[0].pool, "marketing");
  ASSERT_EQ(scenario.traffic[0].domain_mix.size(), 3u);  // the wildcard is not a recipient domain
  ASSERT_NE(scenario.provider_for_domain("comcast.net"), nullptr);
  EXPECT_EQ(scenario.provider_for_domain("comcast.net")->name, "comcast");
  ASSERT_NE(scenario.provider_for_domain("outlook.com"),
            nullptr);  // the default set is written out beside it
  EXPECT_EQ(scenario.provider_for_domain("outlook.com")->name, "microsoft");
}

TEST(ImportedScenario, SaysWhereEachValueCameFromAndWhatWasNotImported) {
  const std::string text = imported_scenario_text(small_import(), MtaFormat::PowerMta, {"mta.conf"});
  EXPECT_EQ(text.rfind("# Written by delivsim import pmta mta.conf\n", 0), 0u) << text;
  EXPECT_NE(text.find("max_smtp_out: 5  # mta.conf:14\n"), std::string::npos) << text;
  EXPECT_NE(text.find("#   mta.conf:2:1: warning: host-name: names the MTA"), std::string::npos) << text;
  EXPECT_NE(text.find("rate: 10000/d  # not in the config"), std::string::npos) << text;
}

TEST(ImportedScenario, AConfigWithoutSourceIpsGetsAMarkedStandIn) {
  ImportedConfig imported;
  imported.scenario_keys = map_node({});
  const std::string text = imported_scenario_text(imported, MtaFormat::KumoMta, {"shaping.toml"});
  const Scenario scenario = parse_scenario(text, "imported.yaml");
  ASSERT_EQ(scenario.ips.size(), 1u);
  EXPECT_EQ(scenario.traffic[0].pool, "default");
  EXPECT_NE(text.find("192.0.2.1  # not in the config: a documentation address"), std::string::npos) << text;
  EXPECT_NE(text.find("# Every directive was imported.\n"), std::string::npos);
}

TEST(ImportedScenario, SharesOfManyDomainsSumToOne) {
  ImportedConfig imported = small_import();
  imported.recipient_domains = {"a.example", "b.example", "c.example", "d.example",
                                "e.example", "f.example", "g.example"};
  const Scenario scenario =
      parse_scenario(imported_scenario_text(imported, MtaFormat::PowerMta, {"mta.conf"}), "imported.yaml");
  double sum = 0;
  for (const auto& [domain, share] : scenario.traffic[0].domain_mix) sum += share;
  EXPECT_DOUBLE_EQ(sum, 1.0);
}

}  // namespace
}  // namespace delivsim
