#pragma once
/// @file Headline figures as terminal text, in each figure's own units: the cells of the compare and sweep
/// tables.
#include <optional>
#include <string>

#include "sim/batch/compare_figures.h"
#include "sim/output/headline.h"

namespace delivsim {

/// figure_heading lower-cased, for a sentence: "delivered share", "time to drain".
std::string figure_in_words(const HeadlineFigure& figure);

/// A figure's value: shares as "12.3%", drain time as "3d 4h" (format_elapsed), latency as "4.2h"
/// (format_short_duration), counts as "1,234" (a mean rounded), a tier as its name (rounded to the nearest
/// tier); "not drained" for a missing time_to_drain_s, "-" for any other missing value.
std::string format_figure_value(const HeadlineFigure& figure, std::optional<double> value);

/// A figure over replications for a table cell: format_figure_value of the mean, except for a tier that
/// differs between replications, shown as the range of names "LOW..HIGH".
std::string format_figure_stats(const HeadlineFigure& figure, const FigureStats& stats);

/// A difference in the figure's units, signed: "+1.2%" (percentage points), "-3.5h", "+1,200", "-0.4",
/// "+0.50" (tiers); no sign when it is exactly 0.
std::string format_figure_difference(const HeadlineFigure& figure, double difference);

}  // namespace delivsim
