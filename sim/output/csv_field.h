#pragma once
/// @file RFC 4180 CSV fields and lines, shared by timeseries.csv and accounting.csv.
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace delivsim {

/// `text` as one CSV field: quoted when it holds a comma, a double quote, CR or LF (inner quotes doubled),
/// otherwise unchanged.
std::string csv_field(std::string_view text);

/// Writes `fields` as one CSV line, each quoted as csv_field does, ended by "\n".
void write_csv_line(std::ostream& out, const std::vector<std::string>& fields);

}  // namespace delivsim
