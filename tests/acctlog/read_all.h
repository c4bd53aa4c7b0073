#pragma once
/// @file Test helper: every record a reader of sim/acctlog gives for a text.
#include <sstream>
#include <string>
#include <vector>

namespace delivsim::acctlog {

/// The records `Reader` (CsvRecordReader, AccountingReader) reads from `text`, in order; its errors
/// propagate.
template <class Reader, class Record>
std::vector<Record> read_all(const std::string& text) {
  std::istringstream in(text);
  Reader reader(in);
  std::vector<Record> records;
  Record record;
  while (reader.next(record)) records.push_back(record);
  return records;
}

}  // namespace delivsim::acctlog
