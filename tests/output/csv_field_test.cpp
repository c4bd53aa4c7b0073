#include "sim/output/csv_field.h"

#include <gtest/gtest.h>

#include <sstream>

namespace delivsim {
namespace {

struct FieldCase {
  std::string text;
  std::string field;
};

class CsvField : public ::testing::TestWithParam<FieldCase> {};

TEST_P(CsvField, QuotesOnlyWhatRfc4180Requires) {
  EXPECT_EQ(csv_field(GetParam().text), GetParam().field);
}

INSTANTIATE_TEST_SUITE_P(Values, CsvField,
                         ::testing::Values(FieldCase{"plain", "plain"}, FieldCase{"", ""},
                                           FieldCase{"a,b", "\"a,b\""},
                                           FieldCase{"say \"hi\"", "\"say \"\"hi\"\"\""},
                                           FieldCase{"two\nlines", "\"two\nlines\""},
                                           FieldCase{"cr\r", "\"cr\r\""},
                                           FieldCase{"semi;colon", "semi;colon"}));

class CsvFormulaEscape : public ::testing::TestWithParam<FieldCase> {};

TEST_P(CsvFormulaEscape, TextThatStartsLikeAFormulaGetsAQuoteAndReadsBack) {
  EXPECT_EQ(csv_field(GetParam().text), GetParam().field);
  std::string content = GetParam().field;
  if (content.starts_with('"')) {  // RFC 4180 unquoting, as a reader does it first
    content = content.substr(1, content.size() - 2);
    for (std::size_t at = content.find("\"\""); at != std::string::npos; at = content.find("\"\"", at + 1))
      content.erase(at, 1);
  }
  remove_csv_escape(content);
  EXPECT_EQ(content, GetParam().text);
}

// OWASP's formula starts (= + - @ tab CR), the escape itself (so it reads back), and numbers left alone.
INSTANTIATE_TEST_SUITE_P(
    Values, CsvFormulaEscape,
    ::testing::Values(FieldCase{"=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\""},
                      FieldCase{"=1+2", "'=1+2"}, FieldCase{"+cmd", "'+cmd"}, FieldCase{"-cmd", "'-cmd"},
                      FieldCase{"@SUM(A1)", "'@SUM(A1)"}, FieldCase{"\tx", "'\tx"},
                      FieldCase{"\rx", "\"'\rx\""}, FieldCase{"=a,b", "\"'=a,b\""},
                      FieldCase{"'quoted", "''quoted"}, FieldCase{"-", "'-"}, FieldCase{"--1", "'--1"},
                      FieldCase{"-1.5", "-1.5"}, FieldCase{"-2e-07", "-2e-07"}, FieldCase{"-inf", "-inf"},
                      FieldCase{"-0", "-0"}, FieldCase{"1.5", "1.5"}, FieldCase{"a=b", "a=b"},
                      FieldCase{"plain", "plain"}));

TEST(WriteCsvLine, JoinsQuotedFieldsAndEndsTheLine) {
  std::ostringstream out;
  write_csv_line(out, {"a", "b,c", ""});
  write_csv_line(out, {});
  write_csv_line(out, {"=x", "-3"});
  EXPECT_EQ(out.str(), "a,\"b,c\",\n\n'=x,-3\n");
}

}  // namespace
}  // namespace delivsim
