#pragma once
/// @file Reading a CSV file of a run folder record by record (RFC 4180 quoting), so a table of millions of
/// rows is never held whole; every problem names the file and line.
#include <cstddef>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace delivsim::report {

/// Longest record a report reads, bytes: a header of many thousands of columns fits easily.
inline constexpr std::size_t kMaxCsvRecordBytes = 4 * 1024 * 1024;

/// A CSV file read one record at a time. Quoted fields may hold commas, doubled quotes and line breaks; a
/// field that csv_field() escaped against spreadsheet formulas is read back as the text it was written from
/// (remove_csv_escape()).
class CsvReader {
 public:
  /// Opens `path`. Throws ReportInputError when it is not a regular file or cannot be read.
  explicit CsvReader(const std::filesystem::path& path);

  /// The next record's fields into `fields`; false (and `fields` empty) at the end of the file. Throws
  /// ReportInputError naming the file and line when a record is longer than kMaxCsvRecordBytes or a quoted
  /// field is not closed.
  bool next(std::vector<std::string>& fields);

  /// The line (1-based) on which the record last returned by next() starts.
  std::size_t line() const { return record_line_; }

  /// "path:line: ", the start of a message about the record last returned by next().
  std::string where() const;

  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
  std::ifstream in_;
  std::size_t line_ = 1;         ///< the line the next byte is on
  std::size_t record_line_ = 0;  ///< the line the last record started on
};

/// `text` as a number ("C" locale), or nullopt when it is not one as a whole.
std::optional<double> number_of(std::string_view text);

}  // namespace delivsim::report
