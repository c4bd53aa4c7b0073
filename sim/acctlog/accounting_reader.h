#pragma once
/// @file Accounting logs in PowerMTA's CSV layout (a real PowerMTA's, or delivsim's own accounting.csv),
/// read one record at a time: header-driven, so other or more columns in another order are fine.
#include <cstdint>
#include <istream>
#include <optional>
#include <string>
#include <vector>

#include "sim/acctlog/csv_record_reader.h"
#include "sim/acctlog/log_time.h"

namespace delivsim::acctlog {

/// The columns a log must have; every other one is optional.
inline constexpr const char* kRequiredColumns[] = {"type", "timeLogged", "rcpt"};

/// One record of the log. Text fields are empty when the log has no such column (or leaves it empty).
struct AccountingRecord {
  std::string type;   ///< "d" delivered, "b" bounced, "t" transient (deferred), or another PowerMTA type
  UnixMs logged = 0;  ///< timeLogged, UTC (d, b and t records only; 0 for other types)
  std::optional<UnixMs>
      queued;              ///< timeQueued, UTC; nullopt without the column, when empty, or for other types
  std::string orig;        ///< envelope sender
  std::string rcpt;        ///< recipient address
  std::string dsn_status;  ///< "4.7.28"
  std::string dsn_diag;    ///< the reply: "smtp;421 4.7.28 Gmail has detected ..."
  std::string dsn_mta;     ///< the receiving MX
  std::string bounce_cat;  ///< "bad-mailbox", "message-expired", ...
  std::string source_ip;   ///< dlvSourceIp
  std::string vmta;
  std::string job_id;
  std::int64_t line = 0;  ///< 1-based line the record starts on
};

/// Reads AccountingRecords from a stream. The first record must be a header (its first field "type");
/// any later record whose first field is "type" is a new header (PowerMTA writes one when its field list
/// changes). Records of types other than d, b and t are returned with only `type` and `line` set; their
/// fields are not checked beyond the count.
class AccountingReader {
 public:
  explicit AccountingReader(std::istream& in) : csv_(in) {}
  /// Reads the next record; false at the end. Throws AccountingLogError (line, column, field) for CSV
  /// errors (CsvRecordReader), a record before any header, a header without a required column, a record
  /// whose field count differs from its header's and a timeLogged or (non-empty) timeQueued that is not a
  /// time (parse_log_time).
  bool next(AccountingRecord& record);
  /// The columns of the current header missing among those log stats use (timeQueued, dsnDiag,
  /// bounceCat), in that order; empty before the first header.
  const std::vector<std::string>& missing_optional_columns() const { return missing_optional_; }

 private:
  void read_header(const CsvRecord& header);
  /// The time in field `index` of the current CSV record.
  UnixMs time_field(int index, const char* name) const;

  CsvRecordReader csv_;
  CsvRecord row_;
  bool have_header_ = false;
  std::size_t field_count_ = 0;
  // Index of each used column in the current header; -1 when it has none.
  int type_ = -1, logged_ = -1, queued_ = -1, orig_ = -1, rcpt_ = -1, dsn_status_ = -1, dsn_diag_ = -1,
      dsn_mta_ = -1, bounce_cat_ = -1, source_ip_ = -1, vmta_ = -1, job_id_ = -1;
  std::vector<std::string> missing_optional_;
};

}  // namespace delivsim::acctlog
