#include "sim/check/figure_value.h"

#include "sim/output/judging_provider.h"

namespace delivsim {

namespace {

std::optional<FigureValue> count_field(const MessageCounts& counts, const std::string& field) {
  if (field == "injected") return static_cast<double>(counts.injected);
  if (field == "delivered") return static_cast<double>(counts.delivered);
  if (field == "delivered_inbox") return static_cast<double>(counts.delivered_inbox);
  if (field == "delivered_spam") return static_cast<double>(counts.delivered_spam());
  if (field == "bounced") return static_cast<double>(counts.bounced);
  if (field == "expired") return static_cast<double>(counts.expired);
  if (field == "queued_at_end") return static_cast<double>(counts.queued_at_end);
  if (field == "attempts") return static_cast<double>(counts.attempts);
  if (field == "deferrals") return static_cast<double>(counts.deferrals);
  return std::nullopt;
}

std::optional<FigureValue> latency_field(const LatencySummary& latency, const std::string& field) {
  if (field == "delivery_latency_s.mean") return latency.mean_s;
  if (field == "delivery_latency_s.p50") return latency.p50_s;
  if (field == "delivery_latency_s.p95") return latency.p95_s;
  if (field == "delivery_latency_s.p99") return latency.p99_s;
  if (field == "delivery_latency_s.max") return latency.max_s;
  return std::nullopt;
}

/// `filter_colours.green|yellow|red` of a provider's or an IP's colour days; nullopt when the field is
/// another, or when there are no colours (a profile without colour bands: a missing figure).
std::optional<FigureValue> filter_colour_field(const std::optional<FilterColourDays>& days,
                                               const std::string& field) {
  static constexpr std::string_view kPrefix = "filter_colours.";
  if (!days || !field.starts_with(kPrefix)) return std::nullopt;
  const std::optional<FilterColour> colour =
      parse_filter_colour(std::string_view(field).substr(kPrefix.size()));
  if (!colour) return std::nullopt;
  switch (*colour) {
    case FilterColour::Green:
      return static_cast<double>(days->green);
    case FilterColour::Yellow:
      return static_cast<double>(days->yellow);
    case FilterColour::Red:
      return static_cast<double>(days->red);
  }
  return std::nullopt;
}

FigureValue reply_count(const std::map<std::string, std::int64_t>& by_reply, const std::string& reply) {
  const auto found = by_reply.find(reply);
  return found == by_reply.end() ? 0.0 : static_cast<double>(found->second);
}

std::optional<FigureValue> totals_value(const Figure& figure, const RunResult& result) {
  if (figure.field == "deferral_rate") return result.totals.deferral_rate();
  if (figure.field == "delivered_share") return result.totals.delivered_share();
  if (figure.field == "inbox_share") return result.totals.inbox_share();
  return count_field(result.totals, figure.field);
}

std::optional<FigureValue> provider_value(const Figure& figure, const RunResult& result) {
  for (const ProviderResult& provider : result.providers) {
    if (provider.name != figure.name) continue;
    if (figure.field == "deferrals_by_reply") return reply_count(provider.deferrals_by_reply, figure.reply);
    if (figure.field == "bounces_by_reply") return reply_count(provider.bounces_by_reply, figure.reply);
    if (figure.field == "deferral_rate") return provider.deferral_rate;
    if (figure.field == "delivered_share") return provider.counts.delivered_share();
    if (figure.field == "inbox_share") return provider.counts.inbox_share();
    if (figure.field == "max_queue") return static_cast<double>(provider.max_queue);
    if (figure.field == "time_to_drain_s") return provider.time_to_drain_s;
    if (auto latency = latency_field(provider.latency, figure.field)) return latency;
    if (figure.field.starts_with("filter_colours."))
      return filter_colour_field(provider.filter_colours, figure.field);
    return count_field(provider.counts, figure.field);
  }
  return std::nullopt;
}

std::optional<FigureValue> traffic_value(const Figure& figure, const RunResult& result) {
  for (const TrafficResult& traffic : result.traffic) {
    if (traffic.name != figure.name) continue;
    if (figure.field == "injected") return static_cast<double>(traffic.injected);
    if (figure.field == "delivered") return static_cast<double>(traffic.delivered);
    if (figure.field == "delivered_inbox") return static_cast<double>(traffic.delivered_inbox);
    if (figure.field == "delivered_spam") return static_cast<double>(traffic.delivered_spam());
    if (figure.field == "inbox_share") return traffic.inbox_share();
    if (figure.field == "suppressed") return static_cast<double>(traffic.suppressed);
    return latency_field(traffic.latency, figure.field);
  }
  return std::nullopt;
}

/// The identity's row for the figure's provider; without one, its only row, else its row with the judging
/// provider (sim/output/judging_provider.h).
const IdentityResult* find_identity(const Figure& figure, const RunResult& result) {
  const IdentityResult* only = nullptr;
  const IdentityResult* judged = nullptr;
  const std::string judging = judging_provider(result);
  int rows = 0;
  for (const IdentityResult& identity : result.identities) {
    if (identity.kind != figure.identity_kind || identity.id != figure.name) continue;
    if (!figure.identity_provider.empty()) {
      if (identity.provider == figure.identity_provider) return &identity;
      continue;
    }
    ++rows;
    only = &identity;
    if (identity.provider == judging) judged = &identity;
  }
  return rows == 1 ? only : judged;
}

std::optional<FigureValue> identity_value(const Figure& figure, const RunResult& result) {
  const IdentityResult* identity = find_identity(figure, result);
  if (identity == nullptr) return std::nullopt;
  if (figure.field == "final_tier") return static_cast<double>(identity->final_tier);
  if (figure.field == "final_score") return identity->final_score;
  if (figure.field.starts_with("filter_colours."))
    return filter_colour_field(identity->filter_colours, figure.field);
  return identity->peak_spam_rate;
}

}  // namespace

std::optional<FigureValue> figure_value(const Figure& figure, const RunResult& result) {
  switch (figure.scope) {
    case FigureScope::Totals:
      return totals_value(figure, result);
    case FigureScope::Provider:
      return provider_value(figure, result);
    case FigureScope::Traffic:
      return traffic_value(figure, result);
    case FigureScope::Identity:
      return identity_value(figure, result);
  }
  return std::nullopt;
}

}  // namespace delivsim
