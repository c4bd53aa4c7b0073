#pragma once
/// @file Counts what happens during a run and turns it into a RunResult: totals and per-provider figures,
/// the time series, hourly alerts, latency (mean and percentiles), inbox placement, each IP's daily
/// SNDS-style filter colours (providers whose profile has colour bands), and (optionally) accounting records.
#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "models/receiver.h"
#include "sim/output/run_result.h"
#include "sim/scenario/scenario.h"
#include "sim/world/latency_list.h"

namespace delivsim {

/// An identity that outputs report: which receiver and which entry of its identity table.
struct ReportedIdentity {
  std::uint16_t provider = 0;
  std::uint32_t index = 0;
  std::string id;  ///< the IP or domain
};

class Recorder {
 public:
  Recorder(const Scenario& scenario, const std::vector<std::unique_ptr<Receiver>>& receivers,
           std::vector<ReportedIdentity> identities);

  void injected(std::uint16_t provider, std::uint32_t traffic, Duration now);
  /// A message of `traffic` was not sent: its recipient is suppressed.
  void suppressed(std::uint32_t traffic) { ++traffic_suppressed_[traffic]; }
  /// One attempt answered with `reply` (of the provider's receiver's catalog).
  void attempt(std::uint16_t provider, ReplyKind reply);
  /// The sender transmitted a message body of `bytes` to `provider` (a transaction answered at end of DATA).
  void body_sent(std::uint16_t provider, std::int64_t bytes) {
    result_.providers[provider].bytes_sent += bytes;
  }
  /// One message from scenario IP `ip` accepted after `latency` since its injection, into the inbox when
  /// `inbox` (Verdict::inbox), else into the spam folder.
  void delivered(std::uint16_t provider, std::uint16_t ip, std::uint32_t traffic, bool inbox,
                 Duration latency, Duration now);
  /// One message bounced on `reply` (of the provider's receiver's catalog).
  void bounced(std::uint16_t provider, ReplyKind reply, Duration now);
  void expired(std::uint16_t provider, Duration now);

  /// Ends the time-series interval that ends at `now`: appends a row and resets interval counts.
  void close_interval(Duration now);
  /// Ends the clock hour that ends at `now`: checks the alert levels.
  void close_hour(Duration now);

  /// Messages injected and not yet finished, per provider.
  std::int64_t outstanding(std::uint16_t provider) const { return providers_[provider].outstanding; }
  /// Completes the result at the end of the run (`now` = scenario end). `injections_left` says whether a
  /// provider still had messages to come (then it has not drained).
  RunResult finish(Duration now, const std::vector<bool>& injections_left);
  /// Accounting records are appended here by the world when enabled.
  RunResult& result() { return result_; }

 private:
  static constexpr std::size_t kNoDeferralColumn = static_cast<std::size_t>(-1);
  struct ProviderCounters {
    std::int64_t outstanding = 0;
    Duration first_injection{-1};
    Duration last_empty{-1};
    LatencyList latencies;
    // Per time-series interval.
    std::int64_t attempts = 0, delivered = 0, deferred = 0, bounced = 0, expired = 0;
    /// Transient reply keys of the provider's profile, one time-series column each.
    std::vector<std::string> deferral_keys;
    std::vector<std::int64_t> deferred_by_reply;  ///< per entry of deferral_keys, this interval
    /// The receiver's replies, counted by kind during the run (no string compared); named by key and SMTP
    /// step at finish (ProviderResult).
    const ReplyCatalog* catalog = nullptr;
    /// Per ReplyKind: its entry of deferral_keys, or kNoDeferralColumn (not transient, or not listed).
    std::array<std::size_t, kReplyKindCount> deferral_column_of_kind{};
    /// Per ReplyKind, over the run: transient replies (deferrals) and bounces.
    std::array<std::int64_t, kReplyKindCount> deferrals_by_kind{}, bounces_by_kind{};
    // Per clock hour (alerts).
    std::int64_t hour_attempts = 0, hour_deferrals = 0;
  };
  /// One IP's delivered mail with one provider on the current day (filter colours).
  struct IpDay {
    std::int64_t delivered = 0, spam = 0;
  };
  void build_columns();
  void finish_provider(std::size_t provider, bool injections_left);
  /// Traffic source `traffic`'s delivered messages and their latencies' summary, after finish_provider.
  std::pair<std::int64_t, LatencySummary> traffic_deliveries(std::size_t traffic);
  /// Gives every IP that delivered mail on the current day its filter colour there and starts a new day.
  void close_colour_day();
  /// The filter colour days of scenario IP `ip` with `provider`.
  FilterColourDays& colour_days(std::size_t provider, std::size_t ip) {
    return ip_colour_days_[provider * ip_count_ + ip];
  }

  const Scenario* scenario_;
  const std::vector<std::unique_ptr<Receiver>>* receivers_;
  std::vector<ReportedIdentity> identities_;
  std::vector<std::int64_t> identity_accepted_at_last_row_;
  std::vector<ProviderCounters> providers_;
  /// Per traffic source, its delivered messages' latencies; none with one source, whose latencies are all
  /// in the providers' lists (each latency is kept once: 4 bytes per delivered message, not 8).
  std::vector<LatencyList> traffic_latencies_;
  std::vector<std::int64_t> traffic_injected_;
  std::vector<std::int64_t> traffic_inbox_;  ///< per traffic source, messages delivered into the inbox
  std::vector<std::int64_t> traffic_suppressed_;
  // SNDS-style filter colours, per day counted from the run's start: per provider its bands (nullptr: none);
  // per provider x scenario IP (provider * ip_count_ + ip) the current day's counts and the colours so far.
  std::vector<const FilterColourBands*> colour_bands_;
  std::size_t ip_count_ = 0;
  std::vector<IpDay> ip_today_;
  std::vector<FilterColourDays> ip_colour_days_;
  Duration colour_day_end_ = kDay;  ///< end of the current day
  RunResult result_;
};

}  // namespace delivsim
