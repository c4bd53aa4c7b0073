#include "sim/world/recorder.h"

#include <algorithm>

namespace delivsim {
namespace {

void add(MessageCounts& total, const MessageCounts& part) {
  total.injected += part.injected;
  total.delivered += part.delivered;
  total.delivered_inbox += part.delivered_inbox;
  total.bounced += part.bounced;
  total.expired += part.expired;
  total.queued_at_end += part.queued_at_end;
  total.attempts += part.attempts;
  total.deferrals += part.deferrals;
}

}  // namespace

Recorder::Recorder(const Scenario& scenario, const std::vector<std::unique_ptr<Receiver>>& receivers,
                   std::vector<ReportedIdentity> identities)
    : scenario_(&scenario),
      receivers_(&receivers),
      identities_(std::move(identities)),
      identity_accepted_at_last_row_(identities_.size(), 0),
      providers_(scenario.providers.size()),
      traffic_latencies_(scenario.traffic.size() > 1 ? scenario.traffic.size() : 0),
      traffic_injected_(scenario.traffic.size(), 0),
      traffic_inbox_(scenario.traffic.size(), 0),
      traffic_suppressed_(scenario.traffic.size(), 0),
      ip_count_(scenario.ips.size()),
      ip_today_(scenario.providers.size() * ip_count_),
      ip_colour_days_(ip_today_.size()) {
  result_.scenario = scenario.name;
  result_.seed = scenario.seed;
  result_.start_date = scenario.start_date;
  for (const ProviderSpec& provider : scenario.providers) {
    ProviderResult p;
    p.name = provider.name;
    p.profile = provider.profile->name;
    p.thresholds = ProviderThresholds::of(provider.params);
    result_.providers.push_back(p);
    colour_bands_.push_back(provider.profile->filter_colours ? &*provider.profile->filter_colours : nullptr);
  }
  for (std::size_t i = 0; i < providers_.size(); ++i) {
    ProviderCounters& p = providers_[i];
    p.deferral_keys = transient_reply_keys(*scenario.providers[i].profile);
    p.deferred_by_reply.assign(p.deferral_keys.size(), 0);
    p.catalog = &receivers[i]->catalog();
    for (std::size_t kind = 0; kind < kReplyKindCount; ++kind) {
      const ReplyInfo& reply = p.catalog->info(static_cast<ReplyKind>(kind));
      const auto column = std::find(p.deferral_keys.begin(), p.deferral_keys.end(), reply.key);
      p.deferral_column_of_kind[kind] = reply.transient() && column != p.deferral_keys.end()
                                            ? static_cast<std::size_t>(column - p.deferral_keys.begin())
                                            : kNoDeferralColumn;
    }
  }
  build_columns();
}

void Recorder::build_columns() {
  Timeseries& ts = result_.timeseries;
  ts.interval = scenario_->timeseries_interval;
  using Kind = SeriesColumn::Kind;
  ts.columns.push_back({"t_s", Kind::Count});
  for (std::size_t i = 0; i < providers_.size(); ++i) {
    const std::string& name = scenario_->providers[i].name;
    for (const char* figure : {"queue", "attempts", "delivered", "deferred", "bounced", "expired"}) {
      ts.columns.push_back({name + "." + figure, Kind::Count});
    }
    for (const std::string& key : providers_[i].deferral_keys) {
      ts.columns.push_back({name + ".deferred[" + key + "]", Kind::Count});
    }
  }
  for (const ReportedIdentity& identity : identities_) {
    const Receiver& receiver = *(*receivers_)[identity.provider];
    const std::string prefix = scenario_->providers[identity.provider].name + "." +
                               std::string(identity_kind_name(receiver.identity_kind(identity.index))) + "[" +
                               identity.id + "].";
    ts.columns.push_back({prefix + "score", Kind::Ratio});
    ts.columns.push_back({prefix + "tier", Kind::Tier});
    ts.columns.push_back({prefix + "spam_rate", Kind::Ratio});
    ts.columns.push_back({prefix + "quota_per_hour", Kind::Count});
    ts.columns.push_back({prefix + "accepted", Kind::Count});
  }
}

void Recorder::injected(std::uint16_t provider, std::uint32_t traffic, Duration now) {
  ++traffic_injected_[traffic];
  ProviderCounters& p = providers_[provider];
  if (p.first_injection.count() < 0) p.first_injection = now;
  ++p.outstanding;
  ProviderResult& r = result_.providers[provider];
  ++r.counts.injected;
  r.max_queue = std::max(r.max_queue, p.outstanding);
}

void Recorder::attempt(std::uint16_t provider, ReplyKind reply) {
  ProviderCounters& p = providers_[provider];
  ProviderResult& r = result_.providers[provider];
  ++p.attempts;
  ++p.hour_attempts;
  ++r.counts.attempts;
  const ReplyInfo& info = p.catalog->info(reply);
  if (!info.transient()) return;
  ++p.deferred;
  ++p.hour_deferrals;
  ++r.counts.deferrals;
  const auto kind = static_cast<std::size_t>(reply);
  ++p.deferrals_by_kind[kind];
  // A reply that is not one of the profile's has no time-series column; it is still counted above.
  const std::size_t column = p.deferral_column_of_kind[kind];
  if (column != kNoDeferralColumn) ++p.deferred_by_reply[column];
}

void Recorder::delivered(std::uint16_t provider, std::uint16_t ip, std::uint32_t traffic, bool inbox,
                         Duration latency, Duration now) {
  if (colour_bands_[provider] != nullptr) {
    if (now >= colour_day_end_) {
      close_colour_day();
      colour_day_end_ = (now / kDay + 1) * kDay;  // days without deliveries give no colour
    }
    IpDay& day = ip_today_[provider * ip_count_ + ip];
    ++day.delivered;
    if (!inbox) ++day.spam;
  }
  ProviderCounters& p = providers_[provider];
  ++p.delivered;
  MessageCounts& counts = result_.providers[provider].counts;
  ++counts.delivered;
  if (inbox) {
    ++counts.delivered_inbox;
    ++traffic_inbox_[traffic];
  }
  p.latencies.add(latency);
  if (!traffic_latencies_.empty()) traffic_latencies_[traffic].add(latency);
  if (--p.outstanding == 0) p.last_empty = now;
}

void Recorder::bounced(std::uint16_t provider, ReplyKind reply, Duration now) {
  ProviderCounters& p = providers_[provider];
  ++p.bounced;
  ++result_.providers[provider].counts.bounced;
  ++p.bounces_by_kind[static_cast<std::size_t>(reply)];
  if (--p.outstanding == 0) p.last_empty = now;
}

void Recorder::expired(std::uint16_t provider, Duration now) {
  ProviderCounters& p = providers_[provider];
  ++p.expired;
  ++result_.providers[provider].counts.expired;
  if (--p.outstanding == 0) p.last_empty = now;
}

void Recorder::close_interval(Duration now) {
  std::vector<double> row;
  row.reserve(result_.timeseries.columns.size());
  row.push_back(to_seconds(now - scenario_->timeseries_interval));
  for (ProviderCounters& p : providers_) {
    for (std::int64_t value : {p.outstanding, p.attempts, p.delivered, p.deferred, p.bounced, p.expired}) {
      row.push_back(static_cast<double>(value));
    }
    for (std::int64_t& value : p.deferred_by_reply) {
      row.push_back(static_cast<double>(value));
      value = 0;
    }
    p.attempts = p.delivered = p.deferred = p.bounced = p.expired = 0;
  }
  for (auto& receiver : *receivers_) receiver->advance(now);
  for (std::size_t i = 0; i < identities_.size(); ++i) {
    const IdentityReputation& identity =
        (*receivers_)[identities_[i].provider]->identity(identities_[i].index);
    row.push_back(identity.score());
    row.push_back(static_cast<double>(identity.tier()));
    row.push_back(identity.last_spam_rate());
    row.push_back(identity.quota_per_day() / 24.0);
    row.push_back(static_cast<double>(identity.accepted_total() - identity_accepted_at_last_row_[i]));
    identity_accepted_at_last_row_[i] = identity.accepted_total();
  }
  result_.timeseries.rows.push_back(std::move(row));
}

void Recorder::close_hour(Duration now) {
  for (std::size_t i = 0; i < providers_.size(); ++i) {
    ProviderCounters& p = providers_[i];
    const ReceiverParams& params = scenario_->providers[i].params;
    if (p.hour_attempts >= params.alert_min_attempts) {
      const double share = static_cast<double>(p.hour_deferrals) / static_cast<double>(p.hour_attempts);
      const char* level = share > params.alert_act_share       ? "act"
                          : share > params.alert_unusual_share ? "unusual"
                                                               : nullptr;
      if (level)
        result_.alerts.push_back(Alert{result_.providers[i].name, to_seconds(now - kHour), share, level});
    }
    p.hour_attempts = p.hour_deferrals = 0;
  }
}

void Recorder::close_colour_day() {
  for (std::size_t provider = 0; provider < colour_bands_.size(); ++provider) {
    if (colour_bands_[provider] == nullptr) continue;
    for (std::size_t ip = 0; ip < ip_count_; ++ip) {
      IpDay& day = ip_today_[provider * ip_count_ + ip];
      if (day.delivered == 0) continue;
      const double spam_share = static_cast<double>(day.spam) / static_cast<double>(day.delivered);
      colour_days(provider, ip).add(filter_colour(*colour_bands_[provider], spam_share));
      day = IpDay{};
    }
  }
}

void Recorder::finish_provider(std::size_t i, bool injections_left) {
  ProviderCounters& p = providers_[i];
  ProviderResult& r = result_.providers[i];
  r.counts.queued_at_end = p.outstanding;
  r.deferral_rate = r.counts.attempts ? static_cast<double>(r.counts.deferrals) / r.counts.attempts : 0.0;
  r.latency = p.latencies.summarize();
  // Kinds may share a key, so counts are added.
  for (std::size_t kind = 0; kind < kReplyKindCount; ++kind) {
    const ReplyInfo& info = p.catalog->info(static_cast<ReplyKind>(kind));
    if (p.deferrals_by_kind[kind] > 0) {
      r.deferrals_by_reply[info.key] += p.deferrals_by_kind[kind];
      r.deferrals_by_step[std::string(smtp_step_name(info.step))] += p.deferrals_by_kind[kind];
    }
    if (p.bounces_by_kind[kind] > 0) r.bounces_by_reply[info.key] += p.bounces_by_kind[kind];
  }
  if (p.outstanding == 0 && !injections_left && p.first_injection.count() >= 0) {
    const Duration drained_at = p.last_empty.count() >= 0 ? p.last_empty : p.first_injection;
    r.time_to_drain_s = to_seconds(drained_at - p.first_injection);
  }
}

std::pair<std::int64_t, LatencySummary> Recorder::traffic_deliveries(std::size_t traffic) {
  if (!traffic_latencies_.empty()) {
    LatencyList& latencies = traffic_latencies_[traffic];
    return {latencies.size(), latencies.summarize()};
  }
  std::vector<const LatencyList*> lists;
  std::int64_t delivered = 0;
  for (const ProviderCounters& p : providers_) {
    lists.push_back(&p.latencies);
    delivered += p.latencies.size();
  }
  return {delivered, LatencyList::summarize_together(lists)};
}

RunResult Recorder::finish(Duration now, const std::vector<bool>& injections_left) {
  result_.simulated = now;
  result_.totals = MessageCounts{};
  for (std::size_t i = 0; i < providers_.size(); ++i) {
    finish_provider(i, injections_left[i]);
    add(result_.totals, result_.providers[i].counts);
  }
  for (std::size_t t = 0; t < scenario_->traffic.size(); ++t) {
    const TrafficSpec& spec = scenario_->traffic[t];
    const auto [delivered, latency] = traffic_deliveries(t);
    result_.traffic.push_back(TrafficResult{
        spec.name, spec.traffic_class == TrafficClass::Transactional ? "transactional" : "marketing",
        traffic_injected_[t], delivered, traffic_inbox_[t], latency, traffic_suppressed_[t]});
  }
  for (auto& receiver : *receivers_) receiver->advance(now);
  close_colour_day();  // the last day, complete or not
  for (const ReportedIdentity& reported : identities_) {
    const Receiver& receiver = *(*receivers_)[reported.provider];
    const IdentityReputation& identity = receiver.identity(reported.index);
    const IdentityKind kind = receiver.identity_kind(reported.index);
    // An IP's identity index is its scenario IP index (World: IPs first).
    std::optional<FilterColourDays> colours;
    if (kind == IdentityKind::Ip && colour_bands_[reported.provider] != nullptr)
      colours = colour_days(reported.provider, reported.index);
    result_.identities.push_back(IdentityResult{kind, reported.id,
                                                scenario_->providers[reported.provider].name, identity.tier(),
                                                identity.score(), identity.peak_spam_rate(), colours});
  }
  for (std::size_t provider = 0; provider < colour_bands_.size(); ++provider) {
    if (colour_bands_[provider] == nullptr) continue;
    FilterColourDays& ip_days = result_.providers[provider].filter_colours.emplace();
    for (std::size_t ip = 0; ip < ip_count_; ++ip) ip_days.add(colour_days(provider, ip));
  }
  return std::move(result_);
}

}  // namespace delivsim
