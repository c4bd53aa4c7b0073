#include "gui/figures/headline_format.h"

#include "sim/output/duration_format.h"
#include "sim/output/number_format.h"

namespace delivsim::gui {

namespace {

const QString kMissing = QStringLiteral("\u2014");

}  // namespace

QString figure_name(Figure figure) {
  switch (figure) {
    case Figure::DeliveredShare:
      return QStringLiteral("Delivered");
    case Figure::DeferralRate:
      return QStringLiteral("Deferral rate");
    case Figure::TimeToDrain:
      return QStringLiteral("Time to drain");
    case Figure::P95Latency:
      return QStringLiteral("p95 latency");
    case Figure::FinalTier:
      return QStringLiteral("Final tier");
    case Figure::Expired:
      return QStringLiteral("Expired");
    case Figure::Bounced:
      return QStringLiteral("Bounced");
  }
  return {};
}

QString figure_hint(Figure figure) {
  switch (figure) {
    case Figure::DeliveredShare:
      return QStringLiteral(
          "Share of injected messages delivered, all providers; green from 98%, amber below or when any "
          "mail expired, red below 95%");
    case Figure::DeferralRate:
      return QStringLiteral(
          "Deferrals (4xx replies) per SMTP attempt, all providers; green below 5%, amber "
          "to 15%, red above (seed 003's Gmail levels)");
    case Figure::TimeToDrain:
      return QStringLiteral(
          "From the first injection until the slowest provider's queue was last empty; \"steady state\" "
          "when traffic keeps arriving and the queue at the end is under one interval's deliveries, red "
          "\"not drained\" when mail piles up");
    case Figure::P95Latency:
      return QStringLiteral("95th percentile of injection-to-delivery time, slowest provider");
    case Figure::FinalTier:
      return QStringLiteral("Reputation tier at the end of the run of the worst sending identity");
    case Figure::Expired:
      return QStringLiteral("Messages dropped when their queue lifetime (bounce_after) ran out; red above 0");
    case Figure::Bounced:
      return QStringLiteral(
          "Messages answered with a permanent (5xx) reply; green below 2% of injected, red from 5% (assumed "
          "levels: a common ESP rule of thumb, not a receiver's published figure)");
  }
  return {};
}

QString figure_text(const Headline& headline, Figure figure) {
  switch (figure) {
    case Figure::DeliveredShare:
      return QString::fromStdString(format_percent(headline.delivered_share, 1));
    case Figure::DeferralRate:
      return QString::fromStdString(format_percent(headline.deferral_rate, 2));
    case Figure::TimeToDrain:
      if (headline.time_to_drain_s) return QString::fromStdString(format_elapsed(*headline.time_to_drain_s));
      return headline.steady_state ? QStringLiteral("steady state") : QStringLiteral("not drained");
    case Figure::P95Latency:
      return QString::fromStdString(format_elapsed(headline.p95_latency_s));
    case Figure::FinalTier:
      return headline.final_tier ? QString::fromStdString(std::string(tier_name(*headline.final_tier)))
                                 : kMissing;
    case Figure::Expired:
      return QString::fromStdString(format_count(headline.expired));
    case Figure::Bounced:
      return QString::fromStdString(format_count(headline.bounced));
  }
  return {};
}

QString figure_widest_text(Figure figure) {
  switch (figure) {
    case Figure::DeliveredShare:
      return QStringLiteral("100.0%");
    case Figure::DeferralRate:
      return QStringLiteral("100.00%");
    case Figure::TimeToDrain:
      return QStringLiteral("steady state");
    case Figure::P95Latency:
      return QStringLiteral("59m 59s");
    case Figure::FinalTier:
      return QStringLiteral("MEDIUM");
    case Figure::Expired:
    case Figure::Bounced:
      return QStringLiteral("99,999,999");
  }
  return {};
}

}  // namespace delivsim::gui
