// A malformed KumoMTA configuration is a ScenarioError at file:line:column; hostile input is an error,
// never a crash or a hang.
#include <gtest/gtest.h>

#include <string>

#include "sim/import/kumomta_import.h"
#include "sim/import/kumomta_rules.h"
#include "sim/import/kumomta_shaping.h"
#include "tests/import/kumomta_test_support.h"

namespace delivsim {
namespace {

using test::import_error;

TEST(KumoErrors, TomlSyntaxErrorAtTomlppsPosition) {
  const ScenarioError error = import_error("[\"default\"]\nconnection_limit = = 5\n");
  EXPECT_EQ(error.line, 2);
  EXPECT_GT(error.column, 0);
  EXPECT_NE(error.problem.find("TOML syntax error"), std::string::npos);
  EXPECT_EQ(error.file, test::write_toml("shaping.toml", "").string());
}

TEST(KumoErrors, MissingFileAndNoFiles) {
  try {
    import_kumomta({"/nonexistent/shaping.toml"});
    ADD_FAILURE() << "no error";
  } catch (const ScenarioError& error) {
    EXPECT_EQ(error.file, "/nonexistent/shaping.toml");
    EXPECT_EQ(error.problem, "no such file");
    EXPECT_EQ(error.expected, "a readable KumoMTA shaping file");
  }
  EXPECT_THROW(import_kumomta({}), ScenarioError);
}

TEST(KumoErrors, SectionThatIsNotATable) {
  const ScenarioError error = import_error("\"gmail.com\" = 5\n");
  EXPECT_EQ(error.line, 1);
  EXPECT_EQ(error.field, "gmail.com");
}

TEST(KumoErrors, UnquotedDomainNameMakesANestedTable) {
  const ScenarioError error = import_error("[gmail.com]\nconnection_limit = 5\n");
  EXPECT_EQ(error.field, "gmail.com");
  EXPECT_NE(error.expected.find("[\"gmail.com\"]"), std::string::npos);
}

TEST(KumoErrors, BadValuesNameTheOptionAndItsPosition) {
  struct Case {
    const char* text;
    const char* field;
    int column;
  };
  for (const Case& c :
       {Case{"connection_limit = \"many\"", "connection_limit", 20},
        Case{"connection_limit = 0", "connection_limit", 20},
        Case{"max_message_rate = \"100/fortnight\"", "max_message_rate", 20},
        Case{"max_message_rate = 100", "max_message_rate", 20},
        Case{"max_connection_rate = \"0/s\"", "max_connection_rate", 23},
        Case{"max_deliveries_per_connection = \"50\"", "max_deliveries_per_connection", 33}}) {
    const ScenarioError error = import_error(std::string("[\"default\"]\n") + c.text + "\n");
    EXPECT_EQ(error.line, 2) << c.text;
    EXPECT_EQ(error.column, c.column) << c.text;
    EXPECT_EQ(error.field, c.field) << c.text;
  }
}

TEST(KumoErrors, UnknownActionWithAHint) {
  const ScenarioError error =
      import_error("[[\"default\".automation]]\nregex = \"x\"\naction = \"Suspnd\"\nduration = \"1h\"\n");
  EXPECT_EQ(error.line, 3);
  EXPECT_EQ(error.column, 10);
  EXPECT_EQ(error.hint, "Suspend");
}

TEST(KumoErrors, RuleWithoutDurationRegexOrAction) {
  EXPECT_EQ(import_error("[[\"default\".automation]]\nregex = \"x\"\naction = \"Suspend\"\n").line, 1);
  EXPECT_EQ(import_error("[[\"default\".automation]]\naction = \"Suspend\"\nduration = \"1h\"\n").line, 1);
  EXPECT_EQ(import_error("[[\"default\".automation]]\nregex = \"x\"\nduration = \"1h\"\n").line, 1);
  EXPECT_EQ(
      import_error("[[\"default\".automation]]\nregex = []\naction = \"Suspend\"\nduration = \"1h\"\n").line,
      2);
}

TEST(KumoErrors, BadDurationAndTrigger) {
  const ScenarioError duration = import_error(
      "[[\"default\".automation]]\nregex = \"x\"\naction = \"Suspend\"\nduration = \"2 fortnights\"\n");
  EXPECT_EQ(duration.line, 4);
  EXPECT_EQ(duration.field, "default.automation[0].duration");
  const ScenarioError trigger = import_error(
      "[[\"default\".automation]]\nregex = \"x\"\naction = \"Suspend\"\nduration = \"1h\"\ntrigger = "
      "\"Immediatly\"\n");
  EXPECT_EQ(trigger.line, 5);
  EXPECT_EQ(trigger.hint, "Immediate");
  const ScenarioError threshold = import_error(
      "[[\"default\".automation]]\nregex = \"x\"\naction = \"Suspend\"\nduration = \"1h\"\ntrigger = "
      "{Threshold=\"2/fortnight\"}\n");
  EXPECT_EQ(threshold.line, 5);
}

TEST(KumoErrors, BadProviderMatch) {
  const ScenarioError error = import_error("[provider.\"x\"]\nmatch = [{MxSuffix=\".x.com\"}]\n");
  EXPECT_EQ(error.line, 2);
  EXPECT_EQ(error.hint, "MXSuffix");
}

TEST(KumoErrors, SetConfigValueKumoWouldRefuse) {
  const ScenarioError error = import_error(
      "[[\"default\".automation]]\nregex = \"x\"\naction = {SetConfig={name=\"connection_limit\", "
      "value=\"lots\"}}\n"
      "duration = \"1h\"\n");
  EXPECT_EQ(error.line, 3);
  EXPECT_EQ(error.column, 53);
}

TEST(KumoHostile, NulByteIsAnErrorAtItsPlace) {
  const ScenarioError error = import_error(std::string("[\"default\"]\nconnection_limit = 5\0\n", 33));
  EXPECT_EQ(error.line, 2);
  EXPECT_EQ(error.column, 21);
  EXPECT_EQ(error.expected, "a UTF-8 TOML text");
}

TEST(KumoHostile, DeepNestingIsAnError) {
  const std::string arrays = "x = " + std::string(100000, '[') + std::string(100000, ']') + "\n";
  EXPECT_THROW(test::import_text("[\"default\"]\n" + arrays), ScenarioError);
  const std::string tables = "x = " + [] {
    std::string text;
    for (int i = 0; i < 100000; ++i) text += "{a=";
    return text + "1" + std::string(100000, '}');
  }() + "\n";
  EXPECT_THROW(test::import_text("[\"default\"]\n" + tables), ScenarioError);
}

TEST(KumoHostile, LongDottedHeaderAndLongLinesDoNotCrash) {
  std::string header = "[a";
  for (int i = 0; i < 20000; ++i) header += ".a";
  // A 20,000-deep table tree: refused before toml++ builds it (its recursion would overflow the stack
  // from a few hundred thousand levels), at the first dot beyond the limit.
  const ScenarioError deep = import_error(header + "]\nx = 1\n");
  EXPECT_EQ(deep.line, 1);
  EXPECT_EQ(deep.column, 2 * 4097 + 1);
  EXPECT_NE(deep.problem.find("dotted key parts"), std::string::npos);
  // Dots inside strings and comments do not count.
  const std::string many_dots(10000, '.');
  const ImportedConfig quoted =
      test::import_text("# " + many_dots + "\n[\"default\"]\nprovider_name = '" + many_dots +
                        "'\nehlo_domain = \"\"\"" + many_dots + "\"\"\"\n");
  EXPECT_EQ(quoted.warnings.size(), 2u);
  const ImportedConfig config = test::import_text("[\"default\"]\n" + std::string(1'000'000, 'x') + " = 1\n");
  ASSERT_EQ(config.warnings.size(), 1u);
  EXPECT_LT(config.warnings[0].why.size(), 2000u);
  EXPECT_LT(config.warnings[0].directive.size(), 200u);
}

TEST(KumoHostile, FileLargerThanTheCapIsRefused) {
  const auto path = test::write_toml("huge.toml", std::string(17 * 1024 * 1024, '#'));
  EXPECT_THROW(import_kumomta({path}), ScenarioError);
  std::filesystem::remove(path);
}

}  // namespace
}  // namespace delivsim

namespace delivsim {
namespace {

TEST(KumoHostile, TooManySectionsIsAnError) {
  std::string text;
  for (std::size_t i = 0; i <= kMaxKumoSections; ++i) text += "[\"d" + std::to_string(i) + ".com\"]\n";
  const ScenarioError error = test::import_error(text);
  EXPECT_EQ(error.line, static_cast<int>(kMaxKumoSections) + 1);
  EXPECT_EQ(error.field, "d10000.com");
}

TEST(KumoHostile, DefaultRulesRepeatedInManyDestinationsAreBounded) {
  // 2,000 default regexes repeated into 100 destinations with rules of their own: over the cap.
  std::string text = "[[\"default\".automation]]\nregex = [";
  for (int i = 0; i < 2000; ++i) text += "\"r" + std::to_string(i) + "\",";
  text += "]\naction = \"Suspend\"\nduration = \"1h\"\n";
  for (int i = 0; i < 100; ++i)
    text += "[[\"d" + std::to_string(i) +
            ".com\".automation]]\nregex = \"x\"\naction = \"Suspend\"\nduration = \"1h\"\n";
  const ScenarioError error = test::import_error(text);
  EXPECT_EQ(error.field, "automation");
  EXPECT_NE(error.problem.find("pattern rules"), std::string::npos);
}

}  // namespace
}  // namespace delivsim

namespace delivsim {
namespace {

TEST(KumoHostile, HugeNamesAndValuesAreShortenedInWarnings) {
  const std::string huge(200'000, 'x');
  const ImportedConfig config = test::import_text(
      "[provider.\"" + huge + "\"]\nmatch = [{MXSuffix=\"." + huge + "\"}]\n[\"" + huge +
      ".com\".sources.\"" + huge +
      "\"]\nconnection_limit = 1\n[[\"yahoo.com\".automation]]\nregex = \"a\"\naction = {SetConfig={name=\"" +
      huge + "\", value=1}}\ntrigger = {Threshold=\"1" + std::string(100'000, '_') +
      "/h\"}\nduration = \"1h\"\n");
  ASSERT_FALSE(config.warnings.empty());
  for (const ImportWarning& warning : config.warnings) {
    EXPECT_LT(warning.directive.size(), 300u) << warning.directive.substr(0, 80);
    EXPECT_LT(warning.why.size(), 3000u) << warning.directive.substr(0, 80);
  }
}

}  // namespace
}  // namespace delivsim
