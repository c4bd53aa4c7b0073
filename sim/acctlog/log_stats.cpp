#include "sim/acctlog/log_stats.h"

#include <algorithm>
#include <tuple>

#include "models/default_provider.h"
#include "models/reply_key.h"
#include "sim/kernel/ascii.h"

namespace delivsim::acctlog {

namespace {

constexpr std::int64_t kHourMs = 3'600'000;
constexpr const char* kExpiredCategory = "message-expired";
constexpr const char* kNoCategory = "(none)";
constexpr const char* kNoDomain = "(no domain)";

/// Hours since the epoch of `time` (floor, also before 1970).
std::int64_t hour_of(UnixMs time) {
  return time >= 0 ? time / kHourMs : -((-time + kHourMs - 1) / kHourMs);
}

/// The recipient domain of an address, lower case; kNoDomain without an '@'.
std::string domain_of(const std::string& rcpt) {
  const std::size_t at = rcpt.rfind('@');
  if (at == std::string::npos || at + 1 == rcpt.size()) return kNoDomain;
  return kernel::ascii_lower(std::string_view(rcpt).substr(at + 1));
}

void count(NamedCounts& counts, const std::string& name) {
  auto found = counts.find(name);
  if (found == counts.end()) {
    if (counts.size() >= kMaxKeysPerTable)
      found = counts.try_emplace(kOtherKeysRow, 0).first;
    else
      found = counts.emplace(name, 0).first;
  }
  ++found->second;
}

DomainFigures figures_for(const std::string& domain, const std::string& profile_domain) {
  const ProviderProfile& profile = default_profile_of_domain(profile_domain);
  DomainFigures f;
  f.domain = domain;
  f.provider = profile.default_provider;
  f.alert_unusual_share = profile.params.alert_unusual_share;
  f.alert_act_share = profile.params.alert_act_share;
  f.alert_min_attempts = profile.params.alert_min_attempts;
  return f;
}

/// Whether a b record is an expiry: bounceCat "message-expired", or (a log without bounceCat) the RFC 3463
/// code X.4.7, delivery time expired.
bool is_expiry(const AccountingRecord& record, const std::string& key) {
  if (!record.bounce_cat.empty()) return record.bounce_cat == kExpiredCategory;
  return key.ends_with(" 5.4.7") || key.ends_with(" 4.4.7");
}

}  // namespace

LogStats::LogStats(std::optional<UnixMs> from, std::optional<UnixMs> until) : from_(from), until_(until) {
  result_.totals.domain = "(all)";
}

void LogStats::note_missing(const std::vector<std::string>& missing_columns) {
  for (const std::string& column : missing_columns) {
    const std::string what = column == "timeQueued" ? "delivery latency: a header without timeQueued"
                             : column == "dsnDiag"
                                 ? "replies by key: a header without dsnDiag"
                                 : "bounce categories and expiries: a header without bounceCat";
    if (std::find(result_.not_computed.begin(), result_.not_computed.end(), what) ==
        result_.not_computed.end())
      result_.not_computed.push_back(what);
  }
}

std::size_t LogStats::row_of(const std::string& rcpt) {
  const std::string domain = domain_of(rcpt);
  if (const auto found = row_index_.find(domain); found != row_index_.end()) return found->second;
  const std::vector<std::string>& hosted = default_profile_of_domain(domain).domains;
  const bool named_by_a_profile = std::find(hosted.begin(), hosted.end(), "*") == hosted.end();
  std::string row_name = domain;
  if (!named_by_a_profile && row_index_.size() >= kMaxDomainRows) {
    row_name = kOtherDomainsRow;
    if (const auto lumped = row_index_.find(row_name); lumped != row_index_.end()) return lumped->second;
  }
  result_.domains.push_back(figures_for(row_name, row_name == kOtherDomainsRow ? "" : domain));
  domain_hours_.emplace_back();
  row_index_.emplace(row_name, result_.domains.size() - 1);
  return result_.domains.size() - 1;
}

std::size_t LogStats::provider_row_of(const DomainFigures& domain_row) {
  for (std::size_t i = 0; i < result_.providers.size(); ++i) {
    if (result_.providers[i].provider == domain_row.provider) return i;
  }
  DomainFigures provider = domain_row;
  provider.domain.clear();
  result_.providers.push_back(std::move(provider));
  provider_hours_.emplace_back();
  return result_.providers.size() - 1;
}

void LogStats::close_table_hours(OpenHours& open, const std::vector<DomainFigures>& rows,
                                 std::vector<HourAlert>& alerts, std::int64_t hour) {
  for (std::size_t row = 0; row < open.size(); ++row) {
    auto& hours = open[row];
    const DomainFigures& f = rows[row];
    for (auto it = hours.begin(); it != hours.end() && it->first < hour; it = hours.erase(it)) {
      const HourCounts& c = it->second;
      if (c.attempts < f.alert_min_attempts || c.attempts == 0) continue;
      // As the recorder's close_hour: above the act level "act", else above the unusual level "unusual".
      const double share = static_cast<double>(c.deferrals) / static_cast<double>(c.attempts);
      const char* level = share > f.alert_act_share       ? "act"
                          : share > f.alert_unusual_share ? "unusual"
                                                          : nullptr;
      if (level == nullptr) continue;
      if (result_.alerts.size() + result_.provider_alerts.size() >= kMaxAlertsListed) {
        ++result_.alerts_not_listed;
        continue;
      }
      alerts.push_back(
          HourAlert{f.domain, f.provider, it->first * kHourMs, c.attempts, c.deferrals, share, level});
    }
  }
}

void LogStats::close_hours_before(std::int64_t hour) {
  close_table_hours(domain_hours_, result_.domains, result_.alerts, hour);
  close_table_hours(provider_hours_, result_.providers, result_.provider_alerts, hour);
  closed_before_ = std::max(closed_before_, hour);
}

void LogStats::count_hour(std::size_t row, std::size_t provider_row, UnixMs logged, bool deferral) {
  const std::int64_t hour = hour_of(logged);
  if (!any_hour_) {
    any_hour_ = true;
    newest_hour_ = hour;
    closed_before_ = hour - kOpenHours;
  }
  if (hour < closed_before_) {
    ++result_.late_for_hourly;
    return;
  }
  for (HourCounts* c : {&domain_hours_[row][hour], &provider_hours_[provider_row][hour]}) {
    ++c->attempts;
    if (deferral) ++c->deferrals;
  }
  if (hour > newest_hour_) {
    newest_hour_ = hour;
    if (hour - kOpenHours > closed_before_) close_hours_before(hour - kOpenHours);
  }
}

void LogStats::add(const AccountingRecord& record, const std::vector<std::string>& missing_columns) {
  if (record.type != "d" && record.type != "b" && record.type != "t") {
    count(result_.other_types, record.type);
    return;
  }
  if ((from_ && record.logged < *from_) || (until_ && record.logged >= *until_)) {
    ++result_.outside_window;
    return;
  }
  note_missing(missing_columns);
  ++result_.records;
  const std::size_t row = row_of(record.rcpt);
  const std::size_t provider_row = provider_row_of(result_.domains[row]);
  if (result_.domains[row].domain == kOtherDomainsRow) ++result_.lumped_records;
  const auto each = [&](auto&& apply) {
    apply(result_.totals);
    apply(result_.domains[row]);
    apply(result_.providers[provider_row]);
  };
  if (record.type == "d") {
    const bool usable = record.queued && record.logged >= *record.queued;
    if (!usable) ++result_.latency_unusable;
    each([&](DomainFigures& f) {
      ++f.attempts;
      ++f.delivered;
      if (usable) f.latency.add(record.logged - *record.queued);
    });
    count_hour(row, provider_row, record.logged, false);
    return;
  }
  const std::string key = reply_key_of_text(record.dsn_diag);
  const bool transient = key.front() == '4';
  if (record.type == "t") {
    each([&](DomainFigures& f) {
      ++f.attempts;
      ++f.deferrals;
      count(f.deferrals_by_reply, key);
    });
    count_hour(row, provider_row, record.logged, true);
    return;
  }
  if (is_expiry(record, key)) {
    each([&](DomainFigures& f) { ++f.expired; });  // the sender gave up: no attempt
    return;
  }
  each([&](DomainFigures& f) {
    ++f.attempts;
    ++f.bounced;
    count(f.bounces_by_reply, key);
    count(f.bounces_by_category, record.bounce_cat.empty() ? kNoCategory : record.bounce_cat);
    if (transient) {
      ++f.deferrals;
      count(f.deferrals_by_reply, key);
    }
  });
  count_hour(row, provider_row, record.logged, transient);
}

LogStatsResult LogStats::finish() {
  if (any_hour_) close_hours_before(newest_hour_ + 1);
  std::sort(result_.domains.begin(), result_.domains.end(),
            [](const DomainFigures& a, const DomainFigures& b) {
              const bool a_other = a.domain == kOtherDomainsRow, b_other = b.domain == kOtherDomainsRow;
              return std::tie(a_other, a.domain) < std::tie(b_other, b.domain);
            });
  std::sort(result_.providers.begin(), result_.providers.end(),
            [](const DomainFigures& a, const DomainFigures& b) { return a.provider < b.provider; });
  for (auto* alerts : {&result_.alerts, &result_.provider_alerts}) {
    std::sort(alerts->begin(), alerts->end(), [](const HourAlert& a, const HourAlert& b) {
      return std::tie(a.hour_start, a.domain, a.provider) < std::tie(b.hour_start, b.domain, b.provider);
    });
  }
  row_index_.clear();
  domain_hours_.clear();
  provider_hours_.clear();
  return std::move(result_);
}

}  // namespace delivsim::acctlog
