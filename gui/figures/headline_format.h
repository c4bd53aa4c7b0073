#pragma once
/// @file The headline figures as text: names, hints and values.
#include <QString>
#include <array>

#include "gui/figures/headline.h"

namespace delivsim::gui {

/// Every headline figure.
enum class Figure { DeliveredShare, DeferralRate, TimeToDrain, P95Latency, FinalTier, Expired, Bounced };

/// The figures in display order.
inline constexpr std::array<Figure, 7> kFigures{
    Figure::DeliveredShare, Figure::DeferralRate, Figure::TimeToDrain, Figure::P95Latency,
    Figure::FinalTier,      Figure::Expired,      Figure::Bounced};

/// Short name, e.g. "Deferral rate".
QString figure_name(Figure figure);
/// One sentence on what the figure measures, for tooltips.
QString figure_hint(Figure figure);
/// The figure's value as text: "96.6%", "0.07%", "3d 4h" (or "steady state", "not drained"), "HIGH", "2,414".
QString figure_text(const Headline& headline, Figure figure);
/// The widest text `figure` shows for runs up to 99,999,999 messages, so its card can reserve the width and
/// the headline never widens (and squeezes the form) when a run's figures come in.
QString figure_widest_text(Figure figure);

}  // namespace delivsim::gui
