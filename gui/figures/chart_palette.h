#pragma once
/// @file The chart colours as QColor: the values live Qt-free in sim/output/chart_palette.h, shared with the
/// HTML report, so a provider, a reply code, a tier or an identity has the same colour wherever it appears.
#include <QColor>
#include <QString>
#include <Qt>
#include <cstddef>

#include "models/tier.h"

namespace delivsim::gui {

/// The colour of the provider at `index` in the scenario's provider list.
QColor provider_color(std::size_t index);
/// The colour of the identity at `index` among the identities a chart shows.
QColor identity_color(std::size_t index);
/// The colour of a deferral reply key such as "421 4.7.28" (fixed for the catalog's codes).
QColor reply_color(const QString& reply_key);
/// Delivered messages.
QColor delivered_color();
/// Bounced messages.
QColor bounced_color();
/// A reputation tier (solid; charts lighten it for bands).
QColor tier_color(Tier tier);
/// A figure that is fine (green).
QColor good_color();
/// A figure that is unusual (amber).
QColor warning_color();
/// A figure that calls for action (red).
QColor bad_color();
/// The colour of the pinned run's (A's) series at `index` among A's series in one chart: a dark or a light
/// neutral grey, never a provider, identity, reply, outcome or tier colour, so A is never drawn in B's
/// colours.
QColor pinned_color(std::size_t index);
/// The pen of A's series at `index` (with pinned_color()): dashed, the dash pattern varying with the index
/// (the current run, B, is always solid).
Qt::PenStyle pinned_pen_style(std::size_t index);

}  // namespace delivsim::gui
