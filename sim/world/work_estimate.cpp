#include "sim/world/work_estimate.h"

#include <algorithm>
#include <cstdint>

#include "models/reply_catalog.h"
#include "sim/kernel/event_callback.h"
#include "sim/kernel/event_queue.h"
#include "sim/output/run_result.h"
#include "sim/world/message.h"
#include "sim/world/traffic_source.h"

namespace delivsim {

// Calibration. The sizes come from the structs the world allocates; the factors for growth and per-message
// events and records were checked against every shipped scenario (scenarios/*.yaml,
// scenarios/regression/*.yaml) run once under `/usr/bin/time -v`: the estimate is above the maximum resident
// set size by a factor of 1.1 to 2 (after issue 17, the MPI-enabled build: bench-1m: 80 MiB estimated, 51 MiB
// measured, with --accounting about 344 MiB and 162 MiB; bench-10m: 674 MiB and 332 MiB; complaints-high:
// 48 MiB and 25 MiB; pmta-seed-gmail: 14 MiB and 13 MiB; a one-message run: 12 MiB and 11 MiB), and the
// event estimate is above events_processed (6 per message covers the most seen, 5.8 in pmta-seed-gmail, where
// a 500/h rate limit wakes the queue for every message; bench-1m has 3.0).

namespace {

/// A std::vector that grows by doubling holds up to twice what it stores.
constexpr double kVectorGrowth = 2.0;
/// What malloc adds to each heap block (glibc: a 16-byte header, rounded up).
constexpr double kHeapBlockBytes = 16.0;
/// Events per message: its attempts (connect, send, reply), retries, queue wake-ups and expiry.
constexpr double kEventsPerMessage = 6.0;
/// Accounting records per message: one per attempt, retries included (1.0 to 1.4 in the shipped scenarios).
constexpr double kRecordsPerMessage = 1.5;
/// Time series columns per provider (queue, attempts, delivered, deferred, bounced, expired) and per
/// reported identity (score, tier, spam_rate, quota_per_hour, accepted), as the recorder writes them.
constexpr double kColumnsPerProvider = 6.0;
constexpr double kColumnsPerIdentity = 5.0;

/// One message delivered: its latency in the provider's and, with more than one traffic source, in the
/// traffic's list (LatencyList, chunked: no room for growth).
constexpr double kBytesPerLatency = sizeof(std::uint32_t);
/// One message in the sender's care: its table entry and its entry in a ready queue (injection time, id).
constexpr double kBytesPerHeldMessage = sizeof(Message) + 2 * sizeof(Duration);
/// One admission in a day at a provider's recipient limiter (RecipientLimiter): its recipient in the day's
/// list.
constexpr double kBytesPerAdmission = sizeof(std::uint32_t) * kVectorGrowth;
/// One scheduled event: its queue entry and its callback slot (an EventCallback and two 32-bit fields).
constexpr double kBytesPerPendingEvent =
    (sizeof(kernel::QueuedEvent) + sizeof(kernel::EventCallback) + 2 * sizeof(std::uint32_t)) * kVectorGrowth;

SourcePosition position_of(const Scenario& scenario, const std::string& field) {
  const auto it = scenario.work_positions.find(field);
  return it != scenario.work_positions.end() ? it->second : SourcePosition{scenario.source_path, 0, 0};
}

WorkPart part(const Scenario& scenario, std::string what, double amount, const std::string& field,
              bool kept = false) {
  return {std::move(what), amount, field, position_of(scenario, field), kept};
}

double time_series_columns(const Scenario& scenario) {
  const auto providers = static_cast<double>(scenario.providers.size());
  // Deferral columns: at most one per reply kind. Identities: every IP, DKIM and SPF domain per provider.
  const double identities =
      providers * static_cast<double>(scenario.ips.size() + 2 * scenario.domains.size());
  return 1 + providers * (kColumnsPerProvider + static_cast<double>(kReplyKindCount)) +
         identities * kColumnsPerIdentity;
}

/// Share of a traffic source's messages the sender may hold at once: a campaign's all; a stream's or a
/// replay's those injected within the longest message lifetime (bounce_after) of any destination, doubled
/// for the diurnal peak and for the message table's chunks (MessageTable), at most all.
double held_share(const Scenario& scenario, const TrafficSpec& traffic) {
  if (traffic.campaign) return 1.0;
  Duration longest{0};
  for (const ProviderSpec& provider : scenario.providers)
    longest = std::max(longest, scenario.policy_for(provider.name).bounce_after);
  return std::min(1.0, 2.0 * to_seconds(longest) / to_seconds(scenario.duration));
}

}  // namespace

double WorkEstimate::peak_bytes() const {
  double bytes = kProcessBaseBytes;
  for (const WorkPart& p : memory) bytes += p.amount;
  return bytes;
}

double WorkEstimate::result_bytes() const {
  double bytes = 0;
  for (const WorkPart& p : memory) bytes += p.kept ? p.amount : 0;
  return bytes;
}

double WorkEstimate::event_count() const {
  double count = 0;
  for (const WorkPart& p : events) count += p.amount;
  return count;
}

const WorkPart& WorkEstimate::largest_memory() const {
  return *std::max_element(memory.begin(), memory.end(),
                           [](const WorkPart& a, const WorkPart& b) { return a.amount < b.amount; });
}

const WorkPart& WorkEstimate::largest_events() const {
  return *std::max_element(events.begin(), events.end(),
                           [](const WorkPart& a, const WorkPart& b) { return a.amount < b.amount; });
}

WorkEstimate estimate_work(const Scenario& scenario, bool accounting) {
  WorkEstimate estimate;
  for (std::size_t i = 0; i < scenario.traffic.size(); ++i) {
    const TrafficSpec& traffic = scenario.traffic[i];
    const std::string prefix = "traffic[" + std::to_string(i) + "].";
    const std::string volume_key = prefix + (traffic.campaign ? "campaign.recipients"
                                             : traffic.replay ? "replay.log"
                                                              : "stream.rate");
    const std::string recipients_key = prefix + (traffic.campaign ? "campaign.recipients"
                                                 : traffic.replay ? "replay.log"
                                                                  : "stream.population");
    const double messages = expected_messages(traffic, scenario.duration);
    // A replay's messages count as recipients too: it holds one injection each.
    const double recipients = traffic.campaign ? static_cast<double>(traffic.campaign->recipients)
                              : traffic.replay
                                  ? static_cast<double>(traffic.replay->messages->recipients) + messages
                                  : static_cast<double>(traffic.stream->population);
    estimate.messages += messages;
    estimate.recipients += recipients;
    if (messages >= estimate.most_messages.amount) {
      estimate.most_messages = part(scenario, "traffic '" + traffic.name + "'", messages, volume_key);
    }
    if (recipients >= estimate.most_recipients.amount) {
      estimate.most_recipients = part(scenario, "traffic '" + traffic.name + "'", recipients, recipients_key);
    }
    const std::string of = " of traffic '" + traffic.name + "'";
    const double held = held_share(scenario, traffic);
    const double latency_lists = scenario.traffic.size() > 1 ? 2 : 1;
    estimate.memory.push_back(
        part(scenario, "messages" + of,
             messages * (latency_lists * kBytesPerLatency + held * kBytesPerHeldMessage), volume_key));
    // The limiters list the admissions of one day: about those of a day's new messages and of every
    // message still in care.
    const double day_share = std::min(1.0, to_seconds(kDay) / to_seconds(scenario.duration));
    estimate.memory.push_back(part(scenario, "recipient limits" + of,
                                   messages * (day_share + held) * kBytesPerAdmission, volume_key));
    if (traffic.list.suppress.any()) {  // SuppressionList: one byte per recipient
      estimate.memory.push_back(part(scenario, "suppression list" + of, recipients, recipients_key));
    }
    if (accounting) {
      estimate.memory.push_back(part(scenario, "accounting records" + of,
                                     messages * kRecordsPerMessage * sizeof(AccountingRecord) * kVectorGrowth,
                                     volume_key, true));
    }
    const double ticks = to_seconds(scenario.duration) / to_seconds(kInjectionTick);
    estimate.events.push_back(
        part(scenario, "messages" + of, messages * kEventsPerMessage + ticks, volume_key));
  }
  // Every time series row and every hourly alert check is scheduled at the start; each row is kept.
  const double rows = to_seconds(scenario.duration) / to_seconds(scenario.timeseries_interval);
  const double hours = to_seconds(scenario.duration) / to_seconds(std::chrono::hours(1));
  const double row_bytes = time_series_columns(scenario) * sizeof(double) + kHeapBlockBytes +
                           sizeof(std::vector<double>) * kVectorGrowth;
  estimate.memory.push_back(
      part(scenario, "time series rows", rows * row_bytes, "timeseries_interval", true));
  estimate.memory.push_back(part(scenario, "scheduled time series and alert events",
                                 (rows + hours) * kBytesPerPendingEvent, "timeseries_interval"));
  estimate.events.push_back(part(scenario, "time series rows", rows, "timeseries_interval"));
  estimate.events.push_back(part(scenario, "hourly alert checks", hours, "duration"));
  estimate.replications = part(scenario, "results kept by the replications", 0, "replications");
  return estimate;
}

}  // namespace delivsim
