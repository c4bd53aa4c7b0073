#pragma once
/// @file The frame of the charts drawn from scratch on each result (tornado, strategies overlay, sweep
/// objective): fonts, margins and legend set once, and everything drawn removed before the next result.
#include <QChartView>

namespace delivsim::gui {

/// Sets `view`'s title and legend fonts, tight margins, square corners, antialiasing and the legend at
/// `legend_side`.
void frame_chart(QChartView& view, Qt::Alignment legend_side);

/// Removes every series and axis of `chart` (deleting the axes) and its title.
void clear_chart(QChart& chart);

}  // namespace delivsim::gui
