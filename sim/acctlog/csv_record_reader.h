#pragma once
/// @file RFC 4180 records read one at a time from a stream, in bounded memory: quoted fields, doubled
/// quotes, commas and line breaks inside quotes, CRLF or LF line ends.
#include <cstddef>
#include <cstdint>
#include <istream>
#include <string>
#include <vector>

namespace delivsim::acctlog {

/// The longest physical line, and the longest record, read, in bytes (longer is an AccountingLogError).
inline constexpr std::size_t kMaxCsvLineBytes = std::size_t{1} << 20;
/// The most fields one record may have.
inline constexpr std::size_t kMaxCsvFields = 4096;

/// One CSV record: its fields (unquoted) and where each starts.
struct CsvRecord {
  std::vector<std::string> fields;
  std::vector<std::int64_t> columns;  ///< 1-based byte column of each field's first character
  std::int64_t line = 0;              ///< 1-based line the record starts on
};

/// Reads CSV records from `in`. Throws AccountingLogError (line, column) for an unterminated quote, a
/// character after a closing quote other than a comma or a line end, a line or record over
/// kMaxCsvLineBytes and a record over kMaxCsvFields fields.
class CsvRecordReader {
 public:
  explicit CsvRecordReader(std::istream& in) : in_(&in) {}
  /// Reads the next record into `record`; false at the end of the stream. Blank lines are skipped.
  bool next(CsvRecord& record);

 private:
  /// The next character, or -1 at the end; counts lines and columns.
  int get();
  void start_field(CsvRecord& record);

  std::istream* in_;
  std::int64_t line_ = 1;
  std::int64_t column_ = 0;  ///< column of the last character read
  std::size_t record_bytes_ = 0;
  std::int64_t record_line_ = 1;  ///< the line the current record starts on
};

}  // namespace delivsim::acctlog
