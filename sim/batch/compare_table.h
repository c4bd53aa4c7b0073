#pragma once
/// @file The terminal report of `delivsim compare`: fixed-width text for people, not for parsing.
#include <optional>
#include <string>

#include "sim/batch/compare.h"

namespace delivsim {

/// A heading line; a table with the strategies as columns and a row per headline figure (the mean, the
/// best marked '*'), each followed by a "vs <first strategy>" row of mean paired differences with their 95%
/// confidence intervals "+1.2% [+0.8%, +1.6%]"; each strategy's top deferral replies (mean per run); and,
/// when strategies have `expect:` lists, their PASS/FAIL lines and the count. Ends with "\n".
std::string format_compare_table(const CompareResult& result);

/// A "vs <first strategy>" cell: the mean paired difference with its 95% confidence interval,
/// "+1.2% [+0.8%, +1.6%]" (the interval left out with one replication); "-" when there is no difference.
std::string format_difference_cell(const HeadlineFigure& figure,
                                   const std::optional<FigureDifference>& difference);

}  // namespace delivsim
