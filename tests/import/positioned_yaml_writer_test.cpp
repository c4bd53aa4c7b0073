#include "sim/import/positioned_yaml_writer.h"

#include <gtest/gtest.h>

#include "sim/import/tree_builder.h"

namespace delivsim {
namespace {

YamlNode sample_tree() {
  YamlNode root = map_node({});
  YamlNode& pools = child_map(root, "pools", {"pmta.conf", 60, 1});
  YamlNode marketing = sequence_node({"pmta.conf", 60, 1});
  marketing.items.push_back(scalar_node("192.0.2.10", {"pmta.conf", 61, 17}));
  marketing.items.push_back(scalar_node("192.0.2.11", {"pmta.conf", 62, 17}));
  set_entry(pools, "pool-marketing", marketing);
  YamlNode& gmail = child_map(child_map(root, "sender", {}), "destinations", {});
  YamlNode& policy = child_map(gmail, "gmail", {"pmta.conf", 96, 1});
  set_entry(policy, "max_smtp_out", scalar_node("5", {"pmta.conf", 97, 5}));
  set_entry(policy, "bounce_after", scalar_node("5d", {"Postfix default (mail_params.h)", 0, 0}));
  YamlNode patterns = sequence_node({"pmta.conf", 30, 1});
  YamlNode rule = map_node({"pmta.conf", 31, 5});
  set_entry(rule, "regex",
            scalar_node("421[ -]4\\.7\\.28 # not a comment: \"quoted\"", {"pmta.conf", 31, 11}, true));
  set_entry(rule, "backoff", scalar_node("true", {"pmta.conf", 31, 30}));
  patterns.items.push_back(rule);
  set_entry(policy, "patterns", patterns);
  return root;
}

TEST(PositionedYamlWriter, EachValueNamesItsConfigLine) {
  const std::string text = positioned_yaml_text(sample_tree());
  EXPECT_NE(text.find("max_smtp_out: 5  # pmta.conf:97\n"), std::string::npos) << text;
  EXPECT_NE(text.find("bounce_after: 5d  # Postfix default (mail_params.h)\n"), std::string::npos) << text;
  EXPECT_NE(text.find("pool-marketing: [192.0.2.10, 192.0.2.11]  # pmta.conf:61\n"), std::string::npos)
      << text;
}

TEST(PositionedYamlWriter, TheTextParsesBackToTheSameValues) {
  const YamlNode back = parse_yaml(positioned_yaml_text(sample_tree()), PositionMapping{"out.yaml"});
  const YamlNode* policy = back.find("sender")->find("destinations")->find("gmail");
  ASSERT_NE(policy, nullptr);
  EXPECT_EQ(policy->find("max_smtp_out")->scalar, "5");
  const YamlNode& rule = policy->find("patterns")->items.at(0);
  EXPECT_EQ(rule.find("regex")->scalar, "421[ -]4\\.7\\.28 # not a comment: \"quoted\"");
  EXPECT_TRUE(rule.find("regex")->quoted);
  EXPECT_EQ(rule.find("backoff")->scalar, "true");
  EXPECT_FALSE(rule.find("backoff")->quoted);
  EXPECT_EQ(back.find("pools")->find("pool-marketing")->items.at(1).scalar, "192.0.2.11");
}

TEST(PositionedYamlWriter, AValueWithoutAnOriginHasNoComment) {
  YamlNode root = map_node({});
  set_entry(root, "name", scalar_node("imported", {}));
  EXPECT_EQ(positioned_yaml_text(root), "name: imported\n");
}

}  // namespace
}  // namespace delivsim
