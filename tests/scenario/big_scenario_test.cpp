// Big scenarios parse, or are refused, in time linear in their size: the duplicate-key scan and the name
// checks used to compare every key or name with every other (99,990 keys took 147 s). The bounds are
// generous (the quadratic code took minutes on these files, the linear one well under a second).
#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "sim/scenario/scenario_loader.h"
#include "sim/yaml/yaml_tree.h"

namespace delivsim {
namespace {

constexpr auto kBound = std::chrono::seconds(20);

/// Runs `parse` and fails the test when it takes longer than kBound.
template <class Parse>
void expect_fast(Parse parse) {
  const auto started = std::chrono::steady_clock::now();
  parse();
  EXPECT_LT(std::chrono::steady_clock::now() - started, kBound);
}

/// A mapping of `count` keys "k0: 0", "k1: 1", ...
std::string many_keys(int count) {
  std::string text;
  for (int i = 0; i < count; ++i) text += "k" + std::to_string(i) + ": " + std::to_string(i) + "\n";
  return text;
}

TEST(BigScenarioTest, NinetyThousandKeysParse) {
  expect_fast([] {
    const YamlNode root = parse_yaml(many_keys(90'000), PositionMapping{"big.yaml"});
    EXPECT_EQ(root.entries.size(), 90'000u);
  });
}

TEST(BigScenarioTest, ADuplicateKeyAfterNinetyThousandIsFoundAtItsPosition) {
  expect_fast([] {
    try {
      parse_yaml(many_keys(90'000) + "k5: again\n", PositionMapping{"big.yaml"});
      FAIL() << "the duplicate key was accepted";
    } catch (const ScenarioError& error) {
      EXPECT_EQ(error.line, 90'001);
      EXPECT_EQ(error.column, 1);
      EXPECT_EQ(error.field, "k5");
    }
  });
}

/// The head of a scenario whose traffic entry "mail" sends from pool "main" and takes `domains:` next.
std::string scenario_head(const std::string& ips, const std::string& pool) {
  return "identities:\n  ips:\n" + ips + "  domains: [{name: example.com}]\npools:\n  main:\n" + pool +
         "traffic:\n  - name: mail\n    pool: main\n    dkim_domain: example.com\n"
         "    campaign: {recipients: 1000}\n";
}

TEST(BigScenarioTest, NinetyThousandRecipientDomainsAreRead) {
  std::string domains = "    domains:\n";
  for (int i = 0; i < 90'000; ++i)
    domains += "      d" + std::to_string(i) + ".example: 0.0000111111111111111\n";
  const std::string text = scenario_head("    - {address: 192.0.2.1}\n", "    - 192.0.2.1\n") + domains;
  expect_fast([&] {
    try {
      parse_scenario(text, "big.yaml");
    } catch (const ScenarioError& error) {
      // 90,000 x 0.0000111111111111111 is 0.999999999999999: within the tolerance.
      FAIL() << error.what();
    }
  });
}

TEST(BigScenarioTest, FortyThousandAddressesInOnePoolAreRead) {
  std::string ips;
  std::string pool;
  for (int i = 0; i < 40'000; ++i) {
    const std::string address = "10." + std::to_string(i / 65536) + "." + std::to_string(i / 256 % 256) +
                                "." + std::to_string(i % 256);
    ips += "    - {address: " + address + "}\n";
    pool += "    - " + address + "\n";
  }
  expect_fast([&] { EXPECT_EQ(parse_scenario(scenario_head(ips, pool), "big.yaml").ips.size(), 40'000u); });
}

}  // namespace
}  // namespace delivsim
