#include <gtest/gtest.h>

#include <string>

#include "tests/report/xml_check.h"

namespace delivsim::testing {
namespace {

struct XmlCase {
  const char* name;  ///< names the test case
  const char* xml;
  bool well_formed;
};

class XmlCheckTest : public ::testing::TestWithParam<XmlCase> {};

TEST_P(XmlCheckTest, JudgesWellFormedness) {
  EXPECT_EQ(xml_problem(GetParam().xml).empty(), GetParam().well_formed) << GetParam().xml;
}

INSTANTIATE_TEST_SUITE_P(
    Samples, XmlCheckTest,
    ::testing::Values(
        XmlCase{"WellFormed", "<svg id=\"a\"><title>A &amp; B</title><rect x=\"1\"/></svg>", true},
        XmlCase{"CharacterReference", "<svg><text>&#39;x&#39;</text></svg>", true},
        XmlCase{"UnclosedElement", "<svg><g></svg>", false},                  // unclosed g
        XmlCase{"RawLessThan", "<svg><text>a < b</text></svg>", false},       // raw '<'
        XmlCase{"RawAmpersand", "<svg><text>a & b</text></svg>", false},      // raw '&'
        XmlCase{"StrayGreaterThan", "<svg><text>a > b</text></svg>", false},  // stray '>'
        XmlCase{"UnquotedAttribute", "<svg id=a></svg>", false},              // unquoted attribute
        XmlCase{"HtmlOnlyEntity", "<svg><text>&nbsp;</text></svg>", false},   // not an XML entity
        XmlCase{"BrokenAttribute", "<svg><rect title=\"x\"y\"/></svg>", false}),
    [](const ::testing::TestParamInfo<XmlCase>& info) { return std::string(info.param.name); });

}  // namespace
}  // namespace delivsim::testing
