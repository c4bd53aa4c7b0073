#include "tests/validation/lesson_figures.h"

#include <algorithm>
#include <limits>
#include <stdexcept>

#include "tests/scenario_fixture.h"

namespace delivsim::validation {

const ProviderResult& gmail(const RunResult& result) {
  return testing::provider(result, "gmail");
}

const IdentityResult& identity(const RunResult& result, IdentityKind kind, const std::string& id,
                               const std::string& provider) {
  for (const IdentityResult& i : result.identities) {
    if (i.kind == kind && i.id == id && i.provider == provider) return i;
  }
  throw std::out_of_range("no identity " + id + " in " + result.scenario);
}

std::int64_t deferrals(const ProviderResult& provider, const std::string& reply) {
  const auto it = provider.deferrals_by_reply.find(reply);
  return it == provider.deferrals_by_reply.end() ? 0 : it->second;
}

double deferral_share(const ProviderResult& provider, const std::string& reply) {
  if (provider.counts.attempts == 0) return 0.0;
  return static_cast<double>(deferrals(provider, reply)) / static_cast<double>(provider.counts.attempts);
}

std::int64_t bounces(const ProviderResult& provider, const std::string& reply) {
  const auto it = provider.bounces_by_reply.find(reply);
  return it == provider.bounces_by_reply.end() ? 0 : it->second;
}

std::int64_t records(const RunResult& result, const RecordFilter& filter) {
  return std::count_if(result.accounting.begin(), result.accounting.end(), [&](const AccountingRecord& r) {
    if (filter.kind ? r.reply_kind != *filter.kind : r.reply_kind == ReplyKind::Expired) return false;
    if (filter.transient_only && r.type != 't') return false;
    if (r.logged >= filter.before) return false;
    if (filter.refused_only &&
        (r.reply_kind == ReplyKind::Accepted || r.reply_kind == ReplyKind::UnknownUser))
      return false;
    if (!filter.ip.empty() && result.ip_addresses.at(r.ip) != filter.ip) return false;
    if (!filter.traffic.empty() && result.traffic_names.at(r.traffic) != filter.traffic) return false;
    return filter.text.empty() || result.reply_texts.at(r.reply).find(filter.text) != std::string::npos;
  });
}

Duration first_logged(const RunResult& result, ReplyKind kind) {
  Duration first = Duration::max();
  for (const AccountingRecord& r : result.accounting) {
    if (r.reply_kind == kind) first = std::min(first, r.logged);
  }
  return first;
}

std::vector<Duration> delivery_latencies(const RunResult& result, const std::string& traffic) {
  std::vector<Duration> latencies;
  for (const AccountingRecord& r : result.accounting) {
    if (r.type == 'd' && result.traffic_names.at(r.traffic) == traffic)
      latencies.push_back(r.logged - r.queued);
  }
  return latencies;
}

double lowest_after(const RunResult& result, const std::string& column, Duration from) {
  const int index = result.timeseries.column_index(column);
  if (index < 0) throw std::out_of_range("no time-series column " + column + " in " + result.scenario);
  double lowest = std::numeric_limits<double>::infinity();
  for (const std::vector<double>& row : result.timeseries.rows) {
    if (row[0] >= to_seconds(from)) lowest = std::min(lowest, row[static_cast<std::size_t>(index)]);
  }
  return lowest;
}

double peak_spam_rate(const RunResult& result) {
  double peak = 0;
  for (const IdentityResult& i : result.identities) peak = std::max(peak, i.peak_spam_rate);
  return peak;
}

}  // namespace delivsim::validation
