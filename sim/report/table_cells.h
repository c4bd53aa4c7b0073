#pragma once
/// @file The cells every report table writes: a count, right-aligned with thousands separators, and the
/// dash of a figure that does not exist.
#include <cstdint>
#include <string_view>

#include "sim/report/html_page.h"

namespace delivsim::report {

/// A count with thousands separators, e.g. "1,234", in a right-aligned cell.
HtmlCell count_cell(std::int64_t value);

/// What a report writes for a figure that does not exist: a share of nothing, the latency of no delivered
/// mail, a missing value in a file.
inline constexpr std::string_view kMissingFigure = "\u2014";

/// kMissingFigure in a right-aligned cell.
HtmlCell missing_cell();

}  // namespace delivsim::report
