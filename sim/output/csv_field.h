#pragma once
/// @file CSV fields and lines (RFC 4180), shared by every CSV delivsim writes (timeseries.csv,
/// timeseries_bands.csv, accounting.csv, compare.csv, sweep.csv, robust.csv), with text that a spreadsheet
/// would run as a formula escaped (the OWASP CSV-injection rule).
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace delivsim {

/// `text` as one CSV field. Text that starts with `=`, `+`, `-`, `@`, a tab or a carriage return (a
/// spreadsheet would run it as a formula), or with `'` (so the escape reads back unambiguously), gets a `'`
/// in front; a number ("-1.5", "-inf": all of it a number as std::from_chars reads one) is left as it is.
/// The field is then quoted when it holds a comma, a double quote, CR or LF (inner quotes doubled).
std::string csv_field(std::string_view text);

/// Turns `content`, a field's content after CSV unquoting, back into the text csv_field() was given: removes
/// the `'` that csv_field() put in front (a field that starts with `'` always has one).
void remove_csv_escape(std::string& content);

/// Writes `fields` as one CSV line, each as csv_field() writes it, ended by "\n".
void write_csv_line(std::ostream& out, const std::vector<std::string>& fields);

}  // namespace delivsim
