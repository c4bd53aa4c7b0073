#include "sim/acctlog/csv_record_reader.h"

#include <gtest/gtest.h>

#include <sstream>

#include "sim/acctlog/accounting_log_error.h"
#include "tests/acctlog/read_all.h"

namespace delivsim::acctlog {
namespace {

std::vector<CsvRecord> read_records(const std::string& text) {
  return read_all<CsvRecordReader, CsvRecord>(text);
}

/// The error reading `text` gives, as "line:column: message".
std::string error_of(const std::string& text) {
  try {
    read_records(text);
  } catch (const AccountingLogError& e) {
    return std::to_string(e.line()) + ":" + std::to_string(e.column()) + ": " + e.what();
  }
  return "no error";
}

TEST(CsvRecordReader, QuotedFieldsHoldCommasQuotesAndLineBreaks) {
  const auto records = read_records("a,\"421 4.7.0, try later\",\"say \"\"hi\"\"\"\r\n\"two\nlines\",,x\n");
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].fields, (std::vector<std::string>{"a", "421 4.7.0, try later", "say \"hi\""}));
  EXPECT_EQ(records[0].columns, (std::vector<std::int64_t>{1, 3, 26}));
  EXPECT_EQ(records[1].fields, (std::vector<std::string>{"two\nlines", "", "x"}));
  EXPECT_EQ(records[1].line, 2);
}

TEST(CsvRecordReader, BlankLinesAreSkippedAndLinesCounted) {
  const auto records = read_records("\n\r\na,b\n\nc\n");
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].line, 3);
  EXPECT_EQ(records[1].line, 5);
  EXPECT_EQ(records[1].fields, (std::vector<std::string>{"c"}));
  EXPECT_TRUE(read_records("").empty());
}

TEST(CsvRecordReader, LastLineWithoutLineEnd) {
  const auto records = read_records("a,\"b\"");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].fields, (std::vector<std::string>{"a", "b"}));
}

TEST(CsvRecordReader, ErrorsNameLineAndColumn) {
  EXPECT_EQ(error_of("a,b\nc,\"open\n"), "2:3: unterminated quoted field");
  EXPECT_EQ(error_of("a,\"x\"y\n"), "1:6: expected a comma or the line's end after a closing quote");
  EXPECT_EQ(error_of("a,b\"c\n"), "1:4: a quote inside an unquoted field");
}

TEST(CsvRecordReader, LinesAndRecordsHaveACap) {
  EXPECT_EQ(error_of("a,b\n" + std::string(kMaxCsvLineBytes + 1, 'x') + "\n"),
            "2:" + std::to_string(kMaxCsvLineBytes + 1) + ": line longer than 1048576 bytes");
  std::string many_lines = "\"";
  for (int i = 0; i < 2000; ++i) many_lines += std::string(1000, 'y') + "\n";
  EXPECT_NE(error_of(many_lines).find("the record that starts on line 1 is longer than 1048576 bytes"),
            std::string::npos);
  EXPECT_EQ(error_of(std::string(kMaxCsvFields, ',') + "\n"),
            "1:" + std::to_string(kMaxCsvFields) + ": more than 4096 fields in one record");
}

}  // namespace
}  // namespace delivsim::acctlog
