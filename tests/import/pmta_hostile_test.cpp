#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "pmta_test_files.h"
#include "sim/yaml/scenario_error.h"
#include "sim/yaml/source_text.h"

namespace delivsim {
namespace {

/// Imports `text`; expects a ScenarioError and gives it.
ScenarioError import_error(const std::string& text) {
  try {
    import_pmta_text(text);
  } catch (const ScenarioError& e) {
    return e;
  }
  ADD_FAILURE() << "no error";
  return ScenarioError("", 0, 0, "", "", "");
}

TEST(PmtaHostile, AFileAboveTheSizeCapIsRefusedBeforeReading) {
  const ScenarioError e = import_error(std::string(kMaxScenarioBytes + 1, '#'));
  EXPECT_NE(e.problem.find("larger than"), std::string::npos);
}

TEST(PmtaHostile, NulBytesAreAnErrorAtTheirPlace) {
  const ScenarioError e = import_error(std::string("spool /x\nhost-name a\0b\n", 23));
  EXPECT_EQ(e.line, 2);
  EXPECT_EQ(e.column, 12);
  EXPECT_NE(e.problem.find("NUL"), std::string::npos);
}

TEST(PmtaHostile, DeepNestingIsAnError) {
  std::string text;
  for (int i = 0; i < 100000; ++i) text += "<domain *>\n";
  EXPECT_NE(import_error(text).problem.find("nested deeper"), std::string::npos);
}

TEST(PmtaHostile, AVeryLongNameIsShortenedInItsWarning) {
  const std::string name(1 << 20, 'x');
  const ImportedConfig config = import_pmta_text(name + " 1\n");
  ASSERT_EQ(config.warnings.size(), 1u);
  EXPECT_LT(config.warnings[0].directive.size(), 200u);
  EXPECT_LT(config.warnings[0].why.size(), 400u);
}

TEST(PmtaHostile, ManyLinesImportInLinearTime) {
  std::string text = "<domain *>\n";
  for (int i = 0; i < 100000; ++i) text += "  max-smtp-out " + std::to_string(i + 1) + "   # again\n";
  text += "</domain>\n";
  const auto start = std::chrono::steady_clock::now();
  const ImportedConfig config = import_pmta_text(text);
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(10));
  EXPECT_EQ(config.scenario_keys.find("sender")->find("defaults")->find("max_smtp_out")->scalar, "100000");
}

TEST(PmtaHostile, AHugeRateOrTimeIsAnErrorNotAnOverflow) {
  EXPECT_EQ(import_error("<domain *>\n max-msg-rate 99999999999999999999999/h\n</domain>\n").line, 2);
  EXPECT_EQ(import_error("<domain *>\n bounce-after 9999999999999999d\n</domain>\n").line, 2);
  EXPECT_EQ(import_error("<domain *>\n retry-after " + std::string(100000, '9') + "m\n</domain>\n").line, 2);
}

}  // namespace
}  // namespace delivsim
