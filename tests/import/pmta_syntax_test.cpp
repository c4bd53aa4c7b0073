#include "sim/import/pmta_syntax.h"

#include <gtest/gtest.h>

#include "sim/yaml/scenario_error.h"

namespace delivsim {
namespace {

TEST(PmtaSyntax, DirectivesBlocksCommentsAndPositions) {
  const auto items = parse_pmta_text(
      "# comment\n"
      "postmaster a@b.c   # trailing comment\n"
      "<virtual-mta v1>\n"
      "  smtp-source-host 192.0.2.1 h.example.com\n"
      "  <domain *>\n"
      "    max-smtp-out 10\n"
      "  </domain>\n"
      "</virtual-mta>\n"
      "auth-password \"two words\"\r\n",
      "p.conf");
  ASSERT_EQ(items.size(), 3u);
  EXPECT_FALSE(items[0].block);
  EXPECT_EQ(items[0].name, "postmaster");
  EXPECT_EQ(items[0].value, "a@b.c");
  EXPECT_EQ(items[0].words.at(0).where.line, 2);
  EXPECT_EQ(items[0].words.at(0).where.column, 12);
  const PmtaItem& vmta = items[1];
  EXPECT_TRUE(vmta.block);
  EXPECT_EQ(vmta.name, "virtual-mta");
  EXPECT_EQ(vmta.words.at(0).text, "v1");
  EXPECT_EQ(vmta.where.column, 1);
  ASSERT_EQ(vmta.children.size(), 2u);
  EXPECT_EQ(vmta.children[1].name, "domain");
  EXPECT_EQ(vmta.children[1].children.at(0).words.at(0).text, "10");
  EXPECT_EQ(vmta.children[1].children.at(0).where.line, 6);
  EXPECT_EQ(vmta.children[1].children.at(0).where.column, 5);
  EXPECT_EQ(items[2].words.at(0).text, "two words");
}

struct BadText {
  const char* text;
  int line;
  int column;
  const char* problem_part;
};

class PmtaSyntaxErrors : public testing::TestWithParam<BadText> {};

TEST_P(PmtaSyntaxErrors, NamesLineAndColumn) {
  try {
    parse_pmta_text(GetParam().text, "bad.conf");
    FAIL() << "no error";
  } catch (const ScenarioError& e) {
    EXPECT_EQ(e.file, "bad.conf");
    EXPECT_EQ(e.line, GetParam().line);
    EXPECT_EQ(e.column, GetParam().column);
    EXPECT_NE(e.problem.find(GetParam().problem_part), std::string::npos) << e.what();
  }
}

INSTANTIATE_TEST_SUITE_P(
    Cases, PmtaSyntaxErrors,
    testing::Values(BadText{"<domain x\n", 1, 1, "without its closing"},
                    BadText{"<domain x> y\n", 1, 11, "text after"},
                    BadText{"a 1\n</domain>\n", 2, 1, "not open"},
                    BadText{"<domain x>\n</virtual-mta>\n", 2, 1, "while <domain>"},
                    BadText{"\n<domain x>\n max-smtp-out 1\n", 2, 1, "not closed"},
                    BadText{"smtp-pattern-list p {\n \"421\" retry-after=30m\n}\n", 1, 21, "braces"},
                    BadText{"domain gmail.com {\n", 1, 18, "braces"},
                    BadText{"x \"open\n", 1, 3, "not closed"}, BadText{"<>\n", 1, 2, "without a name"},
                    BadText{"a 1\nb \x01\n", 2, 3, "control character"}));

TEST(PmtaSyntax, NestingDeeperThanTheLimitIsAnError) {
  std::string text;
  for (std::size_t i = 0; i <= kMaxPmtaBlockDepth; ++i) text += "<a x>\n";
  try {
    parse_pmta_text(text, "deep.conf");
    FAIL() << "no error";
  } catch (const ScenarioError& e) {
    EXPECT_EQ(e.line, static_cast<int>(kMaxPmtaBlockDepth) + 1);
    EXPECT_NE(e.problem.find("nested deeper"), std::string::npos);
  }
}

}  // namespace
}  // namespace delivsim
