#pragma once
/// @file The table cell every report table writes a count in: right-aligned, with thousands separators.
#include <cstdint>

#include "sim/report/html_page.h"

namespace delivsim::report {

/// A count with thousands separators, e.g. "1,234", in a right-aligned cell.
HtmlCell count_cell(std::int64_t value);

}  // namespace delivsim::report
