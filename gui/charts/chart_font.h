#pragma once
/// @file The chart fonts: every chart's title, legend and axis text in one size scale.
#include <QFont>

namespace delivsim::gui {

/// `font` at `points` points, bold when `bold` (titles 10 bold, legends and tick labels 8, axis titles 8.5).
QFont chart_font(QFont font, qreal points, bool bold = false);

}  // namespace delivsim::gui
