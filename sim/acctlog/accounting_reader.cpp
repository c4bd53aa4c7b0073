#include "sim/acctlog/accounting_reader.h"

#include <algorithm>
#include <utility>

#include "sim/acctlog/accounting_log_error.h"

namespace delivsim::acctlog {

namespace {

constexpr std::size_t kShownTextBytes = 40;

/// `text` for an error message: quoted, cut to kShownTextBytes.
std::string shown(const std::string& text) {
  return "\"" + (text.size() > kShownTextBytes ? text.substr(0, kShownTextBytes) + "..." : text) + "\"";
}

}  // namespace

void AccountingReader::read_header(const CsvRecord& header) {
  const auto index_of = [&](std::string_view name) {
    const auto found = std::find(header.fields.begin(), header.fields.end(), name);
    return found == header.fields.end() ? -1 : static_cast<int>(found - header.fields.begin());
  };
  for (const char* name : kRequiredColumns) {
    if (index_of(name) < 0) {
      throw AccountingLogError(header.line, 1, "",
                               std::string("the header line has no \"") + name +
                                   "\" column (a log needs type, timeLogged and rcpt)");
    }
  }
  type_ = index_of("type");
  logged_ = index_of("timeLogged");
  queued_ = index_of("timeQueued");
  orig_ = index_of("orig");
  rcpt_ = index_of("rcpt");
  dsn_status_ = index_of("dsnStatus");
  dsn_diag_ = index_of("dsnDiag");
  dsn_mta_ = index_of("dsnMta");
  bounce_cat_ = index_of("bounceCat");
  source_ip_ = index_of("dlvSourceIp");
  vmta_ = index_of("vmta");
  job_id_ = index_of("jobId");
  missing_optional_.clear();
  for (const auto& [index, name] : {std::pair{queued_, "timeQueued"}, std::pair{dsn_diag_, "dsnDiag"},
                                    std::pair{bounce_cat_, "bounceCat"}}) {
    if (index < 0) missing_optional_.emplace_back(name);
  }
  field_count_ = header.fields.size();
  have_header_ = true;
}

UnixMs AccountingReader::time_field(int index, const char* name) const {
  const auto at = static_cast<std::size_t>(index);
  const std::optional<UnixMs> time = parse_log_time(row_.fields[at]);
  if (!time) {
    throw AccountingLogError(row_.line, row_.columns[at], name,
                             shown(row_.fields[at]) + " is not " + std::string(kLogTimeForms));
  }
  return *time;
}

bool AccountingReader::next(AccountingRecord& record) {
  while (csv_.next(row_)) {
    if (row_.fields.front() == "type") {
      read_header(row_);
      continue;
    }
    if (!have_header_) {
      throw AccountingLogError(row_.line, 1, "",
                               "a record before the header line (the first line names the columns, "
                               "starting with \"type\")");
    }
    if (row_.fields.size() != field_count_) {
      throw AccountingLogError(row_.line, row_.columns.back(), "",
                               std::to_string(row_.fields.size()) + " fields where the header line names " +
                                   std::to_string(field_count_));
    }
    const auto text = [&](int index) {
      return index < 0 ? std::string() : row_.fields[static_cast<std::size_t>(index)];
    };
    record = AccountingRecord{};
    record.line = row_.line;
    record.type = text(type_);
    if (record.type != "d" && record.type != "b" && record.type != "t") return true;
    record.logged = time_field(logged_, "timeLogged");
    if (queued_ >= 0 && !row_.fields[static_cast<std::size_t>(queued_)].empty())
      record.queued = time_field(queued_, "timeQueued");
    record.orig = text(orig_);
    record.rcpt = text(rcpt_);
    record.dsn_status = text(dsn_status_);
    record.dsn_diag = text(dsn_diag_);
    record.dsn_mta = text(dsn_mta_);
    record.bounce_cat = text(bounce_cat_);
    record.source_ip = text(source_ip_);
    record.vmta = text(vmta_);
    record.job_id = text(job_id_);
    return true;
  }
  return false;
}

}  // namespace delivsim::acctlog
