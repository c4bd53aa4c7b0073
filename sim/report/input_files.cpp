#include "sim/report/input_files.h"

#include <charconv>
#include <fstream>
#include <sstream>

#include "sim/report/report_error.h"

namespace delivsim::report {

namespace {

std::string read_text(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw ReportInputError("cannot read " + path.string());
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

/// Splits `text` into CSV records of fields: quoted fields may hold commas, doubled quotes and newlines.
std::vector<std::vector<std::string>> csv_records(const std::string& text) {
  std::vector<std::vector<std::string>> records;
  std::vector<std::string> record;
  std::string field;
  bool quoted = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c != '"') {
        field += c;
      } else if (i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else {
        quoted = false;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      record.push_back(std::move(field));
      field.clear();
    } else if (c == '\n') {
      record.push_back(std::move(field));
      field.clear();
      records.push_back(std::move(record));
      record.clear();
    } else if (c != '\r') {
      field += c;
    }
  }
  if (!field.empty() || !record.empty()) {
    record.push_back(std::move(field));
    records.push_back(std::move(record));
  }
  return records;
}

}  // namespace

nlohmann::ordered_json read_json_file(const std::filesystem::path& path) {
  try {
    return nlohmann::ordered_json::parse(read_text(path));
  } catch (const nlohmann::json::exception& e) {
    throw ReportInputError(path.string() + ": not valid JSON: " + e.what());
  }
}

CsvTable read_csv_file(const std::filesystem::path& path) {
  std::vector<std::vector<std::string>> records = csv_records(read_text(path));
  if (records.empty()) throw ReportInputError(path.string() + ": empty, expected a header line");
  CsvTable table{std::move(records.front()), {}};
  for (std::size_t line = 1; line < records.size(); ++line) {
    if (records[line].size() != table.header.size()) {
      throw ReportInputError(path.string() + ":" + std::to_string(line + 1) + ": " +
                             std::to_string(records[line].size()) + " cells for " +
                             std::to_string(table.header.size()) + " columns");
    }
    table.rows.push_back(std::move(records[line]));
  }
  return table;
}

double parse_number(const std::string& text, const std::string& where) {
  double value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || text.empty()) {
    throw ReportInputError(where + ": '" + text + "' is not a number");
  }
  return value;
}

}  // namespace delivsim::report
