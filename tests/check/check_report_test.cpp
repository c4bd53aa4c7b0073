// The check report: lines per expectation, counts, and JUnit XML that is well-formed and escaped.
#include <gtest/gtest.h>

#include <algorithm>

#include "sim/check/check_report.h"

namespace delivsim {
namespace {

CheckedFile sample_file() {
  Expectation passing = parse_expectation("providers.gmail.max_queue <= 50");
  passing.text = "providers.gmail.max_queue <= 50";
  passing.line = 7;
  passing.column = 5;
  Expectation failing = parse_expectation("providers.gmail.deferrals_by_reply[\"421 4.7.28\"] < 1");
  failing.text = "providers.gmail.deferrals_by_reply[\"421 4.7.28\"] < 1";
  failing.line = 8;
  failing.column = 5;
  return {"dir/a&b.yaml", "a<b>", {{passing, {"40", true}}, {failing, {"3", false}}}, "", 1};
}

TEST(CheckReportTest, OneLinePerExpectationWithActualValue) {
  EXPECT_EQ(format_checked_file(sample_file()),
            "dir/a&b.yaml (a<b>)\n"
            "  PASS  dir/a&b.yaml:7:5  providers.gmail.max_queue <= 50  (actual 40)\n"
            "  FAIL  dir/a&b.yaml:8:5  providers.gmail.deferrals_by_reply[\"421 4.7.28\"] < 1  (actual 3)\n");
  const CheckCounts counts = count_checks({sample_file(), sample_file()});
  EXPECT_EQ(counts.passed, 2);
  EXPECT_EQ(counts.failed, 2);
}

/// Checks that every tag opened is closed in order and that no raw '<', '&' or '"' appears in text or
/// attribute values (a minimal well-formedness check); returns the tag names in document order.
std::vector<std::string> check_well_formed(const std::string& xml) {
  std::vector<std::string> opened, tags;
  std::size_t at = xml.find("?>") + 2;
  while ((at = xml.find('<', at)) != std::string::npos) {
    const std::size_t end = xml.find('>', at);
    EXPECT_NE(end, std::string::npos);
    const std::string tag = xml.substr(at + 1, end - at - 1);
    EXPECT_EQ(tag.find('<'), std::string::npos) << tag;
    EXPECT_EQ(std::count(tag.begin(), tag.end(), '"') % 2, 0) << tag;
    for (std::size_t amp = tag.find('&'); amp != std::string::npos; amp = tag.find('&', amp + 1)) {
      const std::string entity = tag.substr(amp, tag.find(';', amp) - amp + 1);
      EXPECT_TRUE(entity == "&amp;" || entity == "&lt;" || entity == "&gt;" || entity == "&quot;" ||
                  entity == "&#39;")
          << entity;
    }
    if (tag.front() == '/') {
      EXPECT_FALSE(opened.empty());
      if (opened.empty()) return tags;
      EXPECT_EQ(opened.back(), tag.substr(1));
      opened.pop_back();
    } else {
      const std::string name = tag.substr(0, tag.find_first_of(" />"));
      tags.push_back(name);
      if (tag.back() != '/') opened.push_back(name);
    }
    at = end + 1;
  }
  EXPECT_TRUE(opened.empty());
  return tags;
}

TEST(CheckReportTest, JunitXmlIsWellFormedAndEscaped) {
  const std::string xml = junit_xml({sample_file()});
  EXPECT_EQ(xml.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", 0), 0u);
  EXPECT_EQ(check_well_formed(xml),
            (std::vector<std::string>{"testsuites", "testsuite", "testcase", "testcase", "failure"}));
  EXPECT_NE(xml.find("<testsuites name=\"delivsim check\" tests=\"2\" failures=\"1\">"), std::string::npos);
  EXPECT_NE(xml.find("<testsuite name=\"dir/a&amp;b.yaml\" tests=\"2\" failures=\"1\">"), std::string::npos);
  EXPECT_NE(xml.find("classname=\"a&lt;b&gt;\""), std::string::npos);
  EXPECT_NE(xml.find("<failure message=\"expected providers.gmail.deferrals_by_reply[&quot;421 4.7.28&quot;] "
                     "&lt; 1, actual 3\"/>"),
            std::string::npos)
      << xml;
}

TEST(CheckReportTest, AStrategyHasItsOwnHeadingAndTestsuite) {
  CheckedFile strategy = sample_file();
  strategy.strategy = "slow";
  strategy.replications = 8;
  EXPECT_EQ(format_checked_file(strategy).substr(0, format_checked_file(strategy).find('\n')),
            "dir/a&b.yaml (a<b>) strategy slow, 8 replications");
  const std::string xml = junit_xml({sample_file(), strategy});
  EXPECT_EQ(check_well_formed(xml),
            (std::vector<std::string>{"testsuites", "testsuite", "testcase", "testcase", "failure",
                                      "testsuite", "testcase", "testcase", "failure"}));
  EXPECT_NE(xml.find("<testsuites name=\"delivsim check\" tests=\"4\" failures=\"2\">"), std::string::npos);
  EXPECT_NE(xml.find("<testsuite name=\"dir/a&amp;b.yaml: slow\" tests=\"2\" failures=\"1\">"),
            std::string::npos)
      << xml;
  EXPECT_NE(xml.find("classname=\"a&lt;b&gt;.slow\""), std::string::npos) << xml;
}

}  // namespace
}  // namespace delivsim
