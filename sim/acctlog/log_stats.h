#pragma once
/// @file `delivsim log stats`: an accounting log's figures with the definitions of delivsim's own recorder
/// (sim/world/recorder.cpp), so that a simulated run's accounting.csv gives back its summary.json: counts,
/// deferrals and bounces by reply key, delivery latency, and the hourly deferral share per recipient domain
/// with the alert levels of the domain's provider (seed 003, section 6).
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "sim/acctlog/accounting_reader.h"
#include "sim/acctlog/latency_histogram.h"

namespace delivsim::acctlog {

/// The most recipient domains with a row of their own; the rest share kOtherDomainsRow. Domains of the
/// default provider set (gmail.com, outlook.com, ...) always have their own row.
inline constexpr std::size_t kMaxDomainRows = 200;
/// The row the domains past kMaxDomainRows share.
inline constexpr const char* kOtherDomainsRow = "(other domains)";
/// The most distinct reply keys (or bounce categories, or record types) counted by name in one table; the
/// rest share kOtherKeysRow.
inline constexpr std::size_t kMaxKeysPerTable = 500;
inline constexpr const char* kOtherKeysRow = "(others)";
/// The most alert hours listed; LogStatsResult::alerts_not_listed counts the rest.
inline constexpr std::size_t kMaxAlertsListed = 10'000;
/// Hours kept open for late records: a record more than this many hours older than the newest one seen
/// no longer counts in its hour's share (LogStatsResult::late_for_hourly).
inline constexpr std::int64_t kOpenHours = 48;

/// Counts by name (reply key, bounce category, record type), at most kMaxKeysPerTable names.
using NamedCounts = std::map<std::string, std::int64_t>;

/// One recipient domain's figures (or all domains', or kOtherDomainsRow's).
struct DomainFigures {
  std::string domain;
  /// The default provider hosting it (models/default_provider.h): "gmail", "microsoft", "yahoo", "other".
  std::string provider;
  double alert_unusual_share = 0;  ///< the provider profile's ReceiverParams levels
  double alert_act_share = 0;
  int alert_min_attempts = 0;
  /// Attempts: d records, t records and b records other than expiries (the recorder's settled replies).
  std::int64_t attempts = 0;
  std::int64_t delivered = 0;
  std::int64_t bounced = 0;  ///< b records other than expiries
  std::int64_t expired = 0;  ///< b records with bounceCat "message-expired"
  /// Transient replies: every t record, and each b record whose reply is a 4xx (a pattern rule bounced a
  /// transient reply; the recorder counts it as a deferral and a bounce).
  std::int64_t deferrals = 0;
  NamedCounts deferrals_by_reply;   ///< by reply key (models/reply_key.h)
  NamedCounts bounces_by_reply;     ///< by reply key, expiries left out
  NamedCounts bounces_by_category;  ///< by bounceCat ("(none)" when empty), expiries left out
  LatencyHistogram latency;         ///< timeLogged - timeQueued of d records
};

/// One clock hour (UTC) of one domain whose deferral share passed an alert level.
struct HourAlert {
  std::string domain;
  std::string provider;
  UnixMs hour_start = 0;
  std::int64_t attempts = 0;
  std::int64_t deferrals = 0;
  double deferral_share = 0;  ///< deferrals / attempts
  std::string level;          ///< "unusual" (share > alert_unusual_share) or "act" (> alert_act_share)
};

/// Everything `log stats` prints.
struct LogStatsResult {
  std::int64_t records = 0;            ///< d, b and t records inside the time window
  std::int64_t outside_window = 0;     ///< d, b and t records before --from or from --until on
  NamedCounts other_types;             ///< records of other types (r, f, tq, rb, ...), by type, not counted
  std::int64_t late_for_hourly = 0;    ///< records too late for their hour's share (kOpenHours)
  std::int64_t latency_unusable = 0;   ///< d records without timeQueued, or logged before it was queued
  std::int64_t lumped_records = 0;     ///< records counted in kOtherDomainsRow (domains past the cap)
  DomainFigures totals;                ///< every domain
  std::vector<DomainFigures> domains;  ///< by name; kOtherDomainsRow last
  /// Per default provider (`domain` empty), its domains together: the recorder's grouping (summary.json's
  /// providers, when a scenario keeps the default provider set); by provider name.
  std::vector<DomainFigures> providers;
  std::vector<HourAlert> alerts;           ///< per domain, by hour, then domain
  std::vector<HourAlert> provider_alerts;  ///< per provider (`domain` empty), by hour, then provider
  std::int64_t alerts_not_listed = 0;
  /// What could not be computed for want of a column ("delivery latency: a header without timeQueued"), in
  /// the order first met.
  std::vector<std::string> not_computed;
};

/// Accumulates records one at a time, in bounded memory (kMaxDomainRows, kMaxKeysPerTable, kOpenHours,
/// kMaxAlertsListed, LatencyHistogram).
class LogStats {
 public:
  /// Counts only d, b and t records with `from` <= timeLogged < `until` (either unset: no bound).
  LogStats(std::optional<UnixMs> from, std::optional<UnixMs> until);
  /// Counts `record`; `missing_columns` is the reader's missing_optional_columns() for it.
  void add(const AccountingRecord& record, const std::vector<std::string>& missing_columns);
  /// Closes the open hours and returns the figures.
  LogStatsResult finish();

 private:
  struct HourCounts {
    std::int64_t attempts = 0, deferrals = 0;
  };
  /// Open hours per row of a table (domains or providers), by hour since the epoch.
  using OpenHours = std::vector<std::map<std::int64_t, HourCounts>>;
  std::size_t row_of(const std::string& rcpt);
  std::size_t provider_row_of(const DomainFigures& domain_row);
  void note_missing(const std::vector<std::string>& missing_columns);
  void count_hour(std::size_t row, std::size_t provider_row, UnixMs logged, bool deferral);
  /// Closes every open hour before `hour` (an index of hours since the epoch).
  void close_hours_before(std::int64_t hour);
  /// Closes the hours of `open` before `hour`, rows described by `rows`, alerts into `alerts`.
  void close_table_hours(OpenHours& open, const std::vector<DomainFigures>& rows,
                         std::vector<HourAlert>& alerts, std::int64_t hour);

  std::optional<UnixMs> from_, until_;
  LogStatsResult result_;
  std::map<std::string, std::size_t> row_index_;  ///< domain -> index into result_.domains
  OpenHours domain_hours_;                        ///< per entry of result_.domains
  OpenHours provider_hours_;                      ///< per entry of result_.providers
  std::int64_t newest_hour_ = 0;
  std::int64_t closed_before_ = 0;  ///< hours before this are closed
  bool any_hour_ = false;
};

}  // namespace delivsim::acctlog
