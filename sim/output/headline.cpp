#include "sim/output/headline.h"

#include <algorithm>
#include <array>

#include "sim/output/drain_state.h"

namespace delivsim {

Headline headline_of(const RunResult& result) {
  Headline headline;
  headline.delivered_share = result.totals.delivered_share();
  headline.deferral_rate = result.totals.deferral_rate();
  headline.expired = result.totals.expired;
  headline.bounced = result.totals.bounced;
  double drain_s = 0;
  bool drained = true;
  bool steady = true;
  for (std::size_t p = 0; p < result.providers.size(); ++p) {
    const ProviderResult& provider = result.providers[p];
    headline.p95_latency_s = std::max(headline.p95_latency_s, provider.latency.p95_s);
    headline.max_queue = std::max(headline.max_queue, provider.max_queue);
    if (provider.counts.injected == 0) continue;
    if (!provider.time_to_drain_s) {
      drained = false;
      steady = steady && drain_state(result, p) == DrainState::SteadyState;
    } else {
      drain_s = std::max(drain_s, *provider.time_to_drain_s);
    }
  }
  if (drained) headline.time_to_drain_s = drain_s;
  headline.steady_state = !drained && steady;
  for (const IdentityResult& identity : result.identities) {
    headline.final_tier = std::min(headline.final_tier.value_or(Tier::High), identity.final_tier);
  }
  return headline;
}

std::span<const HeadlineFigure> headline_figures() {
  using V = std::optional<double>;
  static constexpr std::array<HeadlineFigure, 8> kFigures{{
      {"delivered_share", "Delivered share", Better::Higher, FigureUnit::Share,
       [](const Headline& h) -> V { return h.delivered_share; }},
      {"deferral_rate", "Deferral rate", Better::Lower, FigureUnit::Share,
       [](const Headline& h) -> V { return h.deferral_rate; }},
      {"max_queue", "Max queue", Better::Lower, FigureUnit::Count,
       [](const Headline& h) -> V { return static_cast<double>(h.max_queue); }},
      {"time_to_drain_s", "Time to drain (s)", Better::Lower, FigureUnit::Drain,
       [](const Headline& h) -> V { return h.time_to_drain_s; }},
      {"p95_latency_s", "p95 latency (s)", Better::Lower, FigureUnit::Latency,
       [](const Headline& h) -> V { return h.p95_latency_s; }},
      {"final_tier", "Final tier", Better::Higher, FigureUnit::Tier,
       [](const Headline& h) -> V {
         if (!h.final_tier) return std::nullopt;
         return static_cast<double>(*h.final_tier);
       }},
      {"bounced", "Bounced", Better::Lower, FigureUnit::Count,
       [](const Headline& h) -> V { return static_cast<double>(h.bounced); }},
      {"expired", "Expired", Better::Lower, FigureUnit::Count,
       [](const Headline& h) -> V { return static_cast<double>(h.expired); }},
  }};
  return kFigures;
}

std::optional<std::size_t> headline_figure_index(std::string_view key) {
  const std::span<const HeadlineFigure> figures = headline_figures();
  for (std::size_t f = 0; f < figures.size(); ++f) {
    if (figures[f].key == key) return f;
  }
  return std::nullopt;
}

std::string figure_heading(std::string_view label) {
  constexpr std::string_view kSecondsSuffix = " (s)";
  if (label.ends_with(kSecondsSuffix)) label.remove_suffix(kSecondsSuffix.size());
  return std::string(label);
}

std::string figure_heading(const HeadlineFigure& figure) {
  return figure_heading(figure.label);
}

bool strictly_better(const std::optional<double>& value, const std::optional<double>& rival, Better better) {
  if (!value) return false;
  if (!rival) return true;
  return better == Better::Higher ? *value > *rival : *value < *rival;
}

DeferralLevel deferral_level(double deferral_rate, const ProviderThresholds& thresholds) {
  if (deferral_rate > thresholds.alert_act_share) return DeferralLevel::Act;
  if (deferral_rate > thresholds.alert_unusual_share) return DeferralLevel::Unusual;
  return DeferralLevel::Normal;
}

DeferralLevel deferral_level(double deferral_rate, const ReceiverParams& params) {
  return deferral_level(deferral_rate, ProviderThresholds::of(params));
}

}  // namespace delivsim
