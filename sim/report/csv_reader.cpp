#include "sim/report/csv_reader.h"

#include <charconv>

#include "sim/output/csv_field.h"
#include "sim/report/report_error.h"

namespace delivsim::report {

CsvReader::CsvReader(const std::filesystem::path& path) : path_(path) {
  std::error_code error;
  if (!std::filesystem::exists(path, error)) throw ReportInputError(path.string() + ": no such file");
  if (!std::filesystem::is_regular_file(path, error))
    throw ReportInputError(path.string() + ": not a regular file");
  in_.open(path, std::ios::binary);
  if (!in_) throw ReportInputError(path.string() + ": cannot read");
}

std::string CsvReader::where() const {
  return path_.string() + ":" + std::to_string(record_line_) + ": ";
}

bool CsvReader::next(std::vector<std::string>& fields) {
  record_line_ = line_;
  // The fields' strings are reused from record to record: no allocation per cell once they have grown.
  std::size_t count = 0;
  const auto field_at = [&]() -> std::string& {
    if (count == fields.size()) fields.emplace_back();
    return fields[count];
  };
  std::string* field = &field_at();
  field->clear();
  std::size_t bytes = 0;
  bool quoted = false;
  bool any = false;
  const auto end_field = [&] {
    remove_csv_escape(*field);
    ++count;
    field = &field_at();
    field->clear();
  };
  std::streambuf& buffer = *in_.rdbuf();
  constexpr int kEnd = std::char_traits<char>::eof();
  for (int next = buffer.sbumpc(); next != kEnd; next = buffer.sbumpc()) {
    const char c = static_cast<char>(next);
    any = true;
    if (++bytes > kMaxCsvRecordBytes) {
      throw ReportInputError(where() + "a record longer than " + std::to_string(kMaxCsvRecordBytes / 1024) +
                             " KiB");
    }
    if (c == '\n') ++line_;
    if (quoted) {
      if (c != '"') {
        *field += c;
      } else if (buffer.sgetc() == '"') {
        *field += static_cast<char>(buffer.sbumpc());
      } else {
        quoted = false;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      end_field();
    } else if (c == '\n') {
      end_field();
      fields.resize(count);
      return true;
    } else if (c != '\r') {
      *field += c;
    }
  }
  if (quoted) throw ReportInputError(where() + "a quoted field is not closed before the end of the file");
  if (!any) {
    fields.clear();
    return false;
  }
  end_field();
  fields.resize(count);
  return true;
}

std::optional<double> number_of(std::string_view text) {
  double value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || text.empty()) return std::nullopt;
  return value;
}

}  // namespace delivsim::report
