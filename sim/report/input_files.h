#pragma once
/// @file Reading the run folder's files: JSON documents and CSV tables, with errors naming the file.
#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace delivsim::report {

/// A CSV file as text cells: the header, then one vector per line (RFC 4180 quoting).
struct CsvTable {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
};

/// The JSON document in `path` (key order kept). Throws ReportInputError when it cannot be read or parsed.
nlohmann::ordered_json read_json_file(const std::filesystem::path& path);

/// The CSV table in `path`. Throws ReportInputError when it cannot be read, is empty, or a line has not one
/// cell per header column.
CsvTable read_csv_file(const std::filesystem::path& path);

/// `text` as a number ("C" locale); throws ReportInputError naming `where` when it is not one.
double parse_number(const std::string& text, const std::string& where);

}  // namespace delivsim::report
