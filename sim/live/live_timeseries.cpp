#include "sim/live/live_timeseries.h"

#include "models/provider_profile.h"
#include "models/tier.h"
#include "sim/live/live_receiver.h"
#include "sim/output/csv_field.h"

namespace delivsim {
namespace {

std::int64_t count_of(const std::map<std::string, std::int64_t>& counts, const std::string& key) {
  const auto it = counts.find(key);
  return it == counts.end() ? 0 : it->second;
}

std::string number(double value) {
  std::string text = std::to_string(value);
  text.erase(text.find_last_not_of('0') + 1);
  if (text.back() == '.') text.pop_back();
  return text;
}

}  // namespace

LiveTimeseries::LiveTimeseries(const LiveReceiver& live, std::ostream& out)
    : live_(live),
      out_(out),
      interval_(live.scenario().timeseries_interval),
      next_end_(interval_),
      at_last_row_(live.counters().providers) {
  const Scenario& scenario = live.scenario();
  std::vector<std::string> header{"t_s"};
  for (const ProviderSpec& provider : scenario.providers) {
    deferral_keys_.push_back(transient_reply_keys(*provider.profile));
    for (const char* column : {"attempts", "delivered", "deferred", "bounced"})
      header.push_back(provider.name + "." + column);
    for (const std::string& key : deferral_keys_.back())
      header.push_back(provider.name + ".deferred[" + key + "]");
  }
  const Receiver& any = live.receiver(0);
  for (const ProviderSpec& provider : scenario.providers) {
    for (std::uint32_t i = 0; i < any.identity_count(); ++i) {
      const std::string prefix = provider.name + "." + std::string(identity_kind_name(any.identity_kind(i))) +
                                 "[" + live.identity_name(i) + "].";
      for (const char* column : {"score", "tier", "spam_rate"}) header.push_back(prefix + column);
    }
  }
  write_csv_line(out_, header);
  out_.flush();
}

void LiveTimeseries::catch_up(Duration now) {
  while (next_end_ <= now) {
    write_row(next_end_ - interval_);
    next_end_ += interval_;
  }
}

void LiveTimeseries::finish(Duration now) {
  catch_up(now);
  write_row(next_end_ - interval_);
  next_end_ = kLongestSpan;
}

void LiveTimeseries::write_row(Duration interval_start) {
  const Scenario& scenario = live_.scenario();
  std::vector<std::string> row{std::to_string(interval_start.count() / 1000)};
  for (std::size_t p = 0; p < scenario.providers.size(); ++p) {
    const LiveProviderCounters& now = live_.counters().providers[p];
    LiveProviderCounters& before = at_last_row_[p];
    for (std::int64_t value : {now.attempts - before.attempts, now.delivered - before.delivered,
                               now.deferrals - before.deferrals, now.bounces - before.bounces})
      row.push_back(std::to_string(value));
    for (const std::string& key : deferral_keys_[p]) {
      row.push_back(
          std::to_string(count_of(now.deferrals_by_reply, key) - count_of(before.deferrals_by_reply, key)));
    }
    before = now;
  }
  for (std::size_t p = 0; p < scenario.providers.size(); ++p) {
    const Receiver& receiver = live_.receiver(p);
    for (std::uint32_t i = 0; i < receiver.identity_count(); ++i) {
      const IdentityReputation& identity = receiver.identity(i);
      row.push_back(number(identity.score()));
      row.push_back(std::string(tier_name(identity.tier())));
      row.push_back(number(identity.last_spam_rate()));
    }
  }
  write_csv_line(out_, row);
}

}  // namespace delivsim
