#include "sim/acctlog/csv_record_reader.h"

#include "sim/acctlog/accounting_log_error.h"

namespace delivsim::acctlog {

int CsvRecordReader::get() {
  const int c = in_->rdbuf()->sbumpc();
  if (c == std::char_traits<char>::eof()) return -1;
  if (++column_ > static_cast<std::int64_t>(kMaxCsvLineBytes)) {
    throw AccountingLogError(line_, column_, "",
                             "line longer than " + std::to_string(kMaxCsvLineBytes) + " bytes");
  }
  if (++record_bytes_ > kMaxCsvLineBytes) {
    throw AccountingLogError(line_, column_, "",
                             "the record that starts on line " + std::to_string(record_line_) +
                                 " is longer than " + std::to_string(kMaxCsvLineBytes) +
                                 " bytes (a quote left open?)");
  }
  return c;
}

void CsvRecordReader::start_field(CsvRecord& record) {
  if (record.fields.size() == kMaxCsvFields) {
    throw AccountingLogError(line_, column_, "",
                             "more than " + std::to_string(kMaxCsvFields) + " fields in one record");
  }
  record.fields.emplace_back();
  record.columns.push_back(column_ + 1);
}

bool CsvRecordReader::next(CsvRecord& record) {
  record.fields.clear();
  record.columns.clear();
  record_bytes_ = 0;
  int c = get();
  // Blank lines (LF or CRLF) between records are skipped.
  while (c == '\n' || c == '\r') {
    if (c == '\n') {
      ++line_;
      column_ = 0;
    }
    record_bytes_ = 0;
    c = get();
  }
  if (c < 0) return false;
  record.line = record_line_ = line_;
  --column_;  // the first field starts at the character just read
  start_field(record);
  ++column_;
  while (true) {
    std::string& field = record.fields.back();
    if (c == '"' && field.empty()) {
      const std::int64_t quote_line = line_, quote_column = column_;
      // Quoted field: up to the closing quote; "" is one quote; commas and line breaks are content.
      while (true) {
        c = get();
        if (c < 0) throw AccountingLogError(quote_line, quote_column, "", "unterminated quoted field");
        if (c == '"') {
          c = get();
          if (c != '"') break;
        } else if (c == '\n') {
          ++line_;
          column_ = 0;
        }
        field.push_back(static_cast<char>(c));
      }
      if (c == '\r') c = get();
      if (c >= 0 && c != ',' && c != '\n') {
        throw AccountingLogError(line_, column_, "",
                                 "expected a comma or the line's end after a closing quote");
      }
    } else {
      while (c >= 0 && c != ',' && c != '\n') {
        if (c == '\r') {
          const int after = get();
          if (after < 0 || after == '\n') {
            c = after;
            break;
          }
          field.push_back('\r');
          c = after;
          continue;
        }
        if (c == '"') throw AccountingLogError(line_, column_, "", "a quote inside an unquoted field");
        field.push_back(static_cast<char>(c));
        c = get();
      }
    }
    if (c == ',') {
      start_field(record);
      c = get();
      continue;
    }
    if (c == '\n') {
      ++line_;
      column_ = 0;
    }
    return true;
  }
}

}  // namespace delivsim::acctlog
