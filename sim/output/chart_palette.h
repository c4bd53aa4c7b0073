#pragma once
/// @file The one set of chart colours, shared by the GUI's Qt charts and the HTML report's SVG charts, so a
/// provider, a reply code, a tier or an identity has the same colour wherever it appears. Qt-free: colours
/// are 0xRRGGBB values.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "models/tier.h"

namespace delivsim {

/// A colour as 0xRRGGBB (the layout of Qt's QRgb without alpha).
using RgbColor = std::uint32_t;

/// The colour of the provider at `index` in the scenario's provider list.
RgbColor provider_rgb(std::size_t index);
/// The colour of the identity at `index` among the identities a chart shows (never red, green, amber or
/// orange: those mean tiers and limits).
RgbColor identity_rgb(std::size_t index);
/// The colour of the line at `index` of a chart with one line per run (strategies, sweep series).
RgbColor series_rgb(std::size_t index);
/// The colour of a deferral reply key such as "421 4.7.28": fixed for the catalog's codes, else picked from
/// the series colours by a stable hash of the key.
RgbColor reply_rgb(std::string_view reply_key);
/// Delivered messages.
RgbColor delivered_rgb();
/// Bounced messages.
RgbColor bounced_rgb();
/// A reputation tier (solid; charts lighten it for bands).
RgbColor tier_rgb(Tier tier);
/// A figure that is fine (green).
RgbColor good_rgb();
/// A figure that is unusual (amber).
RgbColor warning_rgb();
/// A figure that calls for action (red).
RgbColor bad_rgb();

/// `color` as a CSS hex colour: 0x4e79a7 -> "#4e79a7".
std::string css_hex(RgbColor color);

}  // namespace delivsim
