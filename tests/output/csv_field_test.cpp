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

TEST(WriteCsvLine, JoinsQuotedFieldsAndEndsTheLine) {
  std::ostringstream out;
  write_csv_line(out, {"a", "b,c", ""});
  write_csv_line(out, {});
  EXPECT_EQ(out.str(), "a,\"b,c\",\n\n");
}

}  // namespace
}  // namespace delivsim
