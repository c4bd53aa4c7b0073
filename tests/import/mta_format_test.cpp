#include "sim/import/mta_format.h"

#include <gtest/gtest.h>

#include "sim/yaml/scenario_error.h"

namespace delivsim {
namespace {

TEST(MtaFormat, EachNameReadsBackToItsFormat) {
  for (std::string_view name : mta_format_names()) {
    EXPECT_EQ(mta_format_name(mta_format_named(name, {}, "format")), name);
  }
  EXPECT_EQ(mta_format_named("postfix", {}, "format"), MtaFormat::Postfix);
}

TEST(MtaFormat, AnUnknownNameIsAnErrorWithAHint) {
  try {
    mta_format_named("powermta", SourcePosition{"s.yaml", 3, 12}, "sender.import");
    FAIL() << "no error";
  } catch (const ScenarioError& e) {
    EXPECT_EQ(e.file, "s.yaml");
    EXPECT_EQ(e.line, 3);
    EXPECT_EQ(e.column, 12);
    EXPECT_EQ(e.field, "sender.import");
    EXPECT_EQ(e.expected, "pmta, postfix or kumomta");
  }
  try {
    mta_format_named("postfx", {}, "format");
    FAIL() << "no error";
  } catch (const ScenarioError& e) {
    EXPECT_EQ(e.hint, "postfix");
  }
}

}  // namespace
}  // namespace delivsim
