#include "sim/import/tree_builder.h"

#include <gtest/gtest.h>

namespace delivsim {
namespace {

TEST(TreeBuilder, ALaterDirectiveReplacesTheValueInPlace) {
  YamlNode map = map_node({"pmta.conf", 1, 1});
  set_entry(map, "max_smtp_out", scalar_node("20", {"pmta.conf", 4, 5}));
  set_entry(map, "retry_after", scalar_node("10m", {"pmta.conf", 5, 5}));
  set_entry(map, "max_smtp_out", scalar_node("5", {"pmta.conf", 9, 5}));
  ASSERT_EQ(map.entries.size(), 2u);
  EXPECT_EQ(map.entries[0].key, "max_smtp_out");
  EXPECT_EQ(map.entries[0].value.scalar, "5");
  EXPECT_EQ(map.entries[0].value.position.line, 9);
}

TEST(TreeBuilder, ChildMapIsMadeOnceAndKeepsItsFirstPosition) {
  YamlNode root = map_node({});
  YamlNode& sender = child_map(root, "sender", {"main.cf", 2, 1});
  set_entry(sender, "bounce_after", scalar_node("5d", {"main.cf", 2, 1}));
  YamlNode& again = child_map(root, "sender", {"main.cf", 7, 1});
  EXPECT_EQ(&sender, &again);
  EXPECT_EQ(again.position.line, 2);
  ASSERT_NE(root.find("sender"), nullptr);
  EXPECT_EQ(root.find("sender")->find("bounce_after")->scalar, "5d");
}

TEST(TreeBuilder, QuotedScalarsStayText) {
  const YamlNode node = scalar_node("421 4.7.28", {"pmta.conf", 40, 12}, true);
  EXPECT_EQ(node.kind, YamlNode::Kind::Scalar);
  EXPECT_TRUE(node.quoted);
}

}  // namespace
}  // namespace delivsim
