#include "gui/headline_format.h"

#include <cmath>

#include "sim/output/duration_format.h"
#include "sim/output/number_format.h"

namespace delivsim::gui {

namespace {

const QString kMinus = QStringLiteral("\u2212");
const QString kMissing = QStringLiteral("\u2014");

QString signed_text(double difference, const QString& magnitude) {
  return (difference < 0 ? kMinus : QStringLiteral("+")) + magnitude;
}

QString percent_points(double difference, int decimals) {
  const double rounded = std::round(difference * 100 * std::pow(10.0, decimals));
  if (rounded == 0) return QStringLiteral("same");
  return signed_text(difference,
                     QString::fromStdString(format_fixed(std::abs(difference) * 100, decimals)) + " pp");
}

QString count_difference(std::int64_t a, std::int64_t b) {
  if (a == b) return QStringLiteral("same");
  return signed_text(static_cast<double>(b - a), QString::fromStdString(format_count(std::abs(b - a))));
}

QString seconds_difference(double a, double b) {
  if (std::abs(b - a) < 0.5) return QStringLiteral("same");  // format_elapsed shows whole seconds
  return signed_text(b - a, QString::fromStdString(format_elapsed(std::abs(b - a))));
}

QString tier_difference(const std::optional<Tier>& a, const std::optional<Tier>& b) {
  if (!a || !b) return kMissing;
  const int steps = static_cast<int>(*b) - static_cast<int>(*a);
  if (steps == 0) return QStringLiteral("same");
  return signed_text(steps, QString::number(std::abs(steps)) + (std::abs(steps) == 1 ? " tier" : " tiers"));
}

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
      return QStringLiteral("Share of injected messages delivered, all providers");
    case Figure::DeferralRate:
      return QStringLiteral(
          "Deferrals (4xx replies) per SMTP attempt, all providers; green below 5%, amber "
          "to 15%, red above (seed 003's Gmail levels)");
    case Figure::TimeToDrain:
      return QStringLiteral("From the first injection until the slowest provider's queue was last empty");
    case Figure::P95Latency:
      return QStringLiteral("95th percentile of injection-to-delivery time, slowest provider");
    case Figure::FinalTier:
      return QStringLiteral("Reputation tier at the end of the run of the worst sending identity");
    case Figure::Expired:
      return QStringLiteral("Messages dropped when their queue lifetime (bounce_after) ran out");
    case Figure::Bounced:
      return QStringLiteral("Messages answered with a permanent (5xx) reply");
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
      return headline.time_to_drain_s ? QString::fromStdString(format_elapsed(*headline.time_to_drain_s))
                                      : QStringLiteral("not drained");
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

QString figure_difference(const Headline& a, const Headline& b, Figure figure) {
  switch (figure) {
    case Figure::DeliveredShare:
      return percent_points(b.delivered_share - a.delivered_share, 1);
    case Figure::DeferralRate:
      return percent_points(b.deferral_rate - a.deferral_rate, 2);
    case Figure::TimeToDrain:
      if (!a.time_to_drain_s || !b.time_to_drain_s) return kMissing;
      return seconds_difference(*a.time_to_drain_s, *b.time_to_drain_s);
    case Figure::P95Latency:
      return seconds_difference(a.p95_latency_s, b.p95_latency_s);
    case Figure::FinalTier:
      return tier_difference(a.final_tier, b.final_tier);
    case Figure::Expired:
      return count_difference(a.expired, b.expired);
    case Figure::Bounced:
      return count_difference(a.bounced, b.bounced);
  }
  return {};
}

}  // namespace delivsim::gui
