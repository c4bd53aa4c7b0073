// The pieces of `delivsim init` and `--list-set-paths` without the binary: the template table, the schema
// line's rewrite, and the `--set` paths of a tree.
#include <gtest/gtest.h>

#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "sim/cli/scenario_templates.h"
#include "sim/cli/schema_line.h"
#include "sim/cli/settable_paths.h"

namespace delivsim {
namespace {

TEST(ScenarioTemplates, NameShippedFilesOnce) {
  std::set<std::string_view> names;
  for (const ScenarioTemplate& entry : scenario_templates()) {
    EXPECT_TRUE(names.insert(entry.name).second) << entry.name;
    EXPECT_FALSE(entry.description.empty()) << entry.name;
    EXPECT_TRUE(std::filesystem::is_regular_file(std::filesystem::path(DELIVSIM_SOURCE_DIR) / "scenarios" /
                                                 entry.file))
        << entry.file;
  }
  EXPECT_EQ(scenario_templates().front().name, "warmup");
  EXPECT_EQ(find_scenario_template("sweep")->file, "gmail-sweep.yaml");
  EXPECT_EQ(find_scenario_template("swep"), nullptr);
}

TEST(ScenarioTemplates, AreFoundInTheSourceTreeOfABuild) {
  const TemplateHome home = find_template_home();
  EXPECT_EQ(std::filesystem::canonical(home.scenarios),
            std::filesystem::canonical(std::filesystem::path(DELIVSIM_SOURCE_DIR) / "scenarios"));
  EXPECT_EQ(home.schema.filename(), "scenario.schema.json");
}

TEST(SchemaLine, PointsTheFirstLineAtTheSchema) {
  EXPECT_EQ(
      with_schema_line("# yaml-language-server: $schema=../docs/scenario.schema.json\n# what\nseed: 1\n",
                       "/usr/share/delivsim/scenario.schema.json"),
      "# yaml-language-server: $schema=/usr/share/delivsim/scenario.schema.json\n# what\nseed: 1\n");
  EXPECT_EQ(with_schema_line("# yaml-language-server: $schema=x.json", "/s.json"),
            "# yaml-language-server: $schema=/s.json");
}

TEST(SchemaLine, LeavesOtherTextAlone) {
  const std::string text = "# a comment\n# yaml-language-server: $schema=x.json\nseed: 1\n";
  EXPECT_EQ(with_schema_line(text, "/s.json"), text);
  EXPECT_EQ(with_schema_line("", "/s.json"), "");
}

TEST(SettablePaths, NameEveryKeyAndItemInTheSetSyntax) {
  const YamlNode root = parse_yaml(
      "seed: 1\n"
      "traffic:\n"
      "  - campaign: {recipients: 5}\n"
      "    domains: {gmail.com: 0.9, \"a b\": 0.1}\n"
      "    retry: [15m, 1h]\n"
      "odd: {\"x=y\": {deep: 1}}\n",
      PositionMapping{"test.yaml"});
  const std::vector<std::string> expected = {"seed",
                                             "traffic",
                                             "traffic[0]",
                                             "traffic[0].campaign",
                                             "traffic[0].campaign.recipients",
                                             "traffic[0].domains",
                                             "traffic[0].domains.\"gmail.com\"",
                                             "traffic[0].domains.\"a b\"",
                                             "traffic[0].retry",
                                             "traffic[0].retry[0]",
                                             "traffic[0].retry[1]",
                                             "odd"};
  EXPECT_EQ(settable_paths(root), expected);
}

TEST(SettablePaths, OfAShippedScenario) {
  const std::vector<std::string> paths =
      settable_paths_of_file(std::filesystem::path(DELIVSIM_SOURCE_DIR) / "scenarios" / "gmail-warmup.yaml");
  for (const char* path : {"seed", "traffic[0].campaign.recipients", "traffic[0].domains.\"gmail.com\"",
                           "sender.destinations.gmail.max_smtp_out"}) {
    EXPECT_NE(std::find(paths.begin(), paths.end(), path), paths.end()) << path;
  }
}

}  // namespace
}  // namespace delivsim
