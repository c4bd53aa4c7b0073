#include "gui/figures/figure_verdict.h"

#include "gui/figures/chart_palette.h"

namespace delivsim::gui {

namespace {

Verdict delivered_verdict(const Headline& headline) {
  if (headline.delivered_share < kDeliveredBadShare) return Verdict::Bad;
  if (headline.delivered_share < kDeliveredGoodShare || headline.expired > 0) return Verdict::Warning;
  return Verdict::Good;
}

Verdict bounced_verdict(const MessageCounts& totals) {
  if (totals.injected == 0) return Verdict::Neutral;
  const double share = static_cast<double>(totals.bounced) / static_cast<double>(totals.injected);
  if (share >= kBouncedBadShare) return Verdict::Bad;
  return share >= kBouncedGoodShare ? Verdict::Warning : Verdict::Good;
}

Verdict tier_verdict(const std::optional<Tier>& tier) {
  if (!tier) return Verdict::Neutral;
  switch (*tier) {
    case Tier::High:
      return Verdict::Good;
    case Tier::Medium:
      return Verdict::Warning;
    case Tier::Low:
    case Tier::Bad:
      return Verdict::Bad;
  }
  return Verdict::Neutral;
}

Verdict deferral_verdict(double deferral_rate, const ReceiverParams& params) {
  switch (deferral_level(deferral_rate, params)) {
    case DeferralLevel::Normal:
      return Verdict::Good;
    case DeferralLevel::Unusual:
      return Verdict::Warning;
    case DeferralLevel::Act:
      return Verdict::Bad;
  }
  return Verdict::Neutral;
}

}  // namespace

Verdict figure_verdict(const Headline& headline, const MessageCounts& totals, Figure figure,
                       const ReceiverParams& params) {
  switch (figure) {
    case Figure::DeliveredShare:
      return totals.injected == 0 ? Verdict::Neutral : delivered_verdict(headline);
    case Figure::DeferralRate:
      return deferral_verdict(headline.deferral_rate, params);
    case Figure::TimeToDrain:
      return headline.time_to_drain_s || headline.steady_state ? Verdict::Neutral : Verdict::Bad;
    case Figure::P95Latency:
      return Verdict::Neutral;
    case Figure::FinalTier:
      return tier_verdict(headline.final_tier);
    case Figure::Expired:
      return headline.expired > 0 ? Verdict::Bad : Verdict::Good;
    case Figure::Bounced:
      return bounced_verdict(totals);
  }
  return Verdict::Neutral;
}

QColor verdict_color(Verdict verdict) {
  switch (verdict) {
    case Verdict::Neutral:
      return {};
    case Verdict::Good:
      return good_color();
    case Verdict::Warning:
      return warning_color();
    case Verdict::Bad:
      return bad_color();
  }
  return {};
}

}  // namespace delivsim::gui
