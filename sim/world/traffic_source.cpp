#include "sim/world/traffic_source.h"

#include <algorithm>
#include <boost/random/poisson_distribution.hpp>
#include <boost/random/uniform_int_distribution.hpp>
#include <cmath>
#include <numbers>

namespace delivsim {
namespace {

Duration floor_to_tick(Duration t) {
  return t - t % kInjectionTick;
}

/// Appends `recipient` with its profile to `out`, written in place in the vector's storage: built whole on
/// the stack, its copy into the vector waited for the narrow stores (perf put 12% of the injection event's
/// samples there).
DrawnRecipient& append(std::vector<DrawnRecipient>& out, std::uint32_t recipient,
                       const RecipientProfiles& profiles) {
  DrawnRecipient& drawn = out.emplace_back();
  drawn.recipient = recipient;
  profiles.fill(recipient, drawn.profile);
  return drawn;
}

}  // namespace

TrafficSource::TrafficSource(const TrafficSpec& spec, Duration scenario_end, RandomEngine engine,
                             std::uint64_t recipient_key)
    : spec_(&spec), end_(scenario_end), engine_(engine), profiles_(spec, recipient_key) {
  if (spec.campaign) {
    first_tick_ = floor_to_tick(spec.campaign->at);
    population_ = static_cast<std::uint32_t>(spec.campaign->recipients);
  } else if (spec.replay) {
    first_tick_ = floor_to_tick(spec.replay->at);
    population_ = spec.replay->messages->recipients;
  } else {
    first_tick_ = floor_to_tick(spec.stream->from);
    population_ = static_cast<std::uint32_t>(spec.stream->population);
  }
}

std::int64_t TrafficSource::campaign_due_by(Duration t) const {
  const auto& c = *spec_->campaign;
  if (t <= c.at) return 0;
  if (c.over.count() == 0 || t >= c.at + c.over) return c.recipients;
  // Message i is due at at + i * over / recipients: count the i with that time < t.
  const double elapsed = static_cast<double>((t - c.at).count());
  const double due =
      std::ceil(elapsed * static_cast<double>(c.recipients) / static_cast<double>(c.over.count()));
  return std::min<std::int64_t>(c.recipients, static_cast<std::int64_t>(due));
}

double expected_messages(const TrafficSpec& spec, Duration scenario_end) {
  // The parser keeps a campaign within the scenario (at + over <= duration), so all of it is due by the end.
  if (spec.campaign) return static_cast<double>(spec.campaign->recipients);
  // The parser keeps a replay's messages within the scenario too.
  if (spec.replay) return static_cast<double>(spec.replay->messages->injections.size());
  const auto& s = *spec.stream;
  const Duration span = std::min(s.until.value_or(scenario_end), scenario_end) - s.from;
  return span > Duration(0) ? s.rate.per_second * to_seconds(span) : 0.0;
}

std::optional<Duration> TrafficSource::next_tick(Duration tick_start) const {
  const Duration next = tick_start + kInjectionTick;
  if (next >= end_) return std::nullopt;
  if (spec_->campaign) {
    if (injected_ >= spec_->campaign->recipients) return std::nullopt;
    return next;
  }
  if (spec_->replay) {
    const auto& injections = spec_->replay->messages->injections;
    if (injected_ >= static_cast<std::int64_t>(injections.size())) return std::nullopt;
    // Skip the quiet ticks up to the next message's.
    return std::max(next,
                    floor_to_tick(spec_->replay->at + injections[static_cast<std::size_t>(injected_)].at));
  }
  const Duration until = spec_->stream->until.value_or(end_);
  if (next >= until) return std::nullopt;
  return next;
}

void TrafficSource::draw_tick(Duration tick_start, std::vector<DrawnRecipient>& out) {
  out.clear();
  const Duration tick_end = tick_start + kInjectionTick;
  if (spec_->campaign) {
    const std::int64_t due = campaign_due_by(tick_end);
    for (; injected_ < due; ++injected_) {
      append(out, static_cast<std::uint32_t>(injected_), profiles_);
    }
    return;
  }
  if (spec_->replay) {
    const auto& injections = spec_->replay->messages->injections;
    for (; injected_ < static_cast<std::int64_t>(injections.size()); ++injected_) {
      const ReplayInjection& injection = injections[static_cast<std::size_t>(injected_)];
      const Duration arrival = spec_->replay->at + injection.at;
      if (arrival >= tick_end) break;
      DrawnRecipient& drawn = append(out, injection.recipient, profiles_);
      drawn.profile.domain = injection.domain;  // the log's, not a draw
      drawn.arrival = arrival;
    }
    return;
  }
  const auto& s = *spec_->stream;
  const Duration until = s.until.value_or(end_);
  if (tick_start < s.from || tick_start >= until) return;
  double mean = s.rate.per_second * to_seconds(kInjectionTick);
  if (s.diurnal_amplitude > 0) {
    const double hour_of_day = std::fmod(to_seconds(tick_start) / 3600.0, 24.0);
    mean *= 1.0 + s.diurnal_amplitude *
                      std::cos(2.0 * std::numbers::pi * (hour_of_day - s.diurnal_peak_hour) / 24.0);
  }
  if (mean <= 0) return;
  const int count = boost::random::poisson_distribution<int, double>(mean)(engine_);
  boost::random::uniform_int_distribution<std::uint32_t> who(0, population_ - 1);
  for (int i = 0; i < count; ++i) {
    append(out, who(engine_), profiles_);
  }
  injected_ += count;
}

}  // namespace delivsim
