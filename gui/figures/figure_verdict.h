#pragma once
/// @file How good each headline figure is, by the thresholds a deliverability engineer reads it by: the
/// headline's colours. Which thresholds are published and which are assumed is said at each constant.
#include <QColor>

#include "gui/figures/headline_format.h"
#include "models/receiver_params.h"
#include "sim/output/run_result.h"

namespace delivsim::gui {

/// Delivered share (delivered / injected) at or above this is good, when nothing expired. Assumed: the
/// complement of kBouncedGoodShare, the share a clean list reaches.
inline constexpr double kDeliveredGoodShare = 0.98;
/// Delivered share below this is bad. Assumed: the complement of kBouncedBadShare.
inline constexpr double kDeliveredBadShare = 0.95;
/// Bounced share (bounced / injected) below this is good. Assumed: a common ESP rule of thumb (keep bounces
/// under 2%, as Amazon SES's guidance is usually quoted); not a receiver's figure and not in the project's
/// sources (shared/domain-facts*.md), so the colour is a reading aid, not a published verdict.
inline constexpr double kBouncedGoodShare = 0.02;
/// Bounced share at or above this is bad. Assumed, as kBouncedGoodShare: the 5% level at which Amazon SES is
/// usually quoted as reviewing an account.
inline constexpr double kBouncedBadShare = 0.05;

/// How a figure reads.
enum class Verdict {
  Neutral,  ///< no good or bad reading (latency, a drained or steady queue)
  Good,
  Warning,
  Bad,
};

/// The verdict on `figure` of a run with headline `headline` and totals `totals`, judged by `params` (the
/// judging provider's):
/// - delivered share: Bad below kDeliveredBadShare; Warning below kDeliveredGoodShare or when any mail
///   expired (expired mail is lost mail); else Good;
/// - deferral rate: by deferral_level() (Normal Good, Unusual Warning, Act Bad);
/// - time to drain: Bad when not drained and not in steady state (mail piles up), else Neutral;
/// - p95 latency: Neutral;
/// - final tier: HIGH Good, MEDIUM Warning, LOW and BAD Bad; Neutral without identities;
/// - expired: Bad above 0, else Good (a sender's queue dropped mail);
/// - bounced: by its share of injected, kBouncedGoodShare and kBouncedBadShare.
Verdict figure_verdict(const Headline& headline, const MessageCounts& totals, Figure figure,
                       const ReceiverParams& params);

/// The text colour of `verdict`: green, amber, red, or invalid (the default text colour) for Neutral.
QColor verdict_color(Verdict verdict);

}  // namespace delivsim::gui
