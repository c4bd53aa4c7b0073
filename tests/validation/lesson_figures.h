#pragma once
// Figures the lessons read from run results: reply shares, accounting counts, one identity or traffic source.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "sim/output/run_result.h"

namespace delivsim::validation {

const ProviderResult& gmail(const RunResult& result);
/// One identity's reputation with `provider`.
const IdentityResult& identity(const RunResult& result, IdentityKind kind, const std::string& id,
                               const std::string& provider = "gmail");

/// Deferrals answered with `reply` ("421 4.7.28") per attempt.
double deferral_share(const ProviderResult& provider, const std::string& reply);
/// Deferrals answered with `reply` ("421 4.7.0 [TSS04]").
std::int64_t deferrals(const ProviderResult& provider, const std::string& reply);
/// Bounces answered with `reply` ("550 5.7.1").
std::int64_t bounces(const ProviderResult& provider, const std::string& reply);
/// Which accounting records to count, e.g.
/// `RecordFilter().reply(ReplyKind::QuotaExceeded).from("192.0.2.1")`; a condition not set matches any
/// record.
struct RecordFilter {
  std::optional<ReplyKind> kind;
  std::string ip;                     ///< sending IP
  std::string traffic;                ///< traffic source name
  std::string text;                   ///< a part of the one-line reply text (e.g. the identity it names)
  bool transient_only = false;        ///< 4xx replies only
  bool refused_only = false;          ///< replies refusing the sender: 4xx, or 5xx other than 550 5.1.1
  Duration before = Duration::max();  ///< logged before this time

  RecordFilter& reply(ReplyKind k) { return kind = k, *this; }
  RecordFilter& from(std::string address) { return ip = std::move(address), *this; }
  RecordFilter& of_traffic(std::string name) { return traffic = std::move(name), *this; }
  RecordFilter& naming(std::string part) { return text = std::move(part), *this; }
  RecordFilter& deferred() { return transient_only = true, *this; }
  RecordFilter& refused() { return refused_only = true, *this; }
  RecordFilter& logged_before(Duration time) { return before = time, *this; }
};
/// Accounting records matching `filter` (needs a run with accounting). Expiries are not attempts and are
/// counted only when `filter.kind` asks for them.
std::int64_t records(const RunResult& result, const RecordFilter& filter);
/// When the first accounting record of this reply kind was logged; Duration::max() when there is none.
Duration first_logged(const RunResult& result, ReplyKind kind);
/// The delivery latencies (injection to acceptance) of traffic source `traffic`'s delivered messages, from
/// the accounting records.
std::vector<Duration> delivery_latencies(const RunResult& result, const std::string& traffic);
/// The lowest value of time-series column `column` in rows starting at or after `from`.
double lowest_after(const RunResult& result, const std::string& column, Duration from);
/// The highest daily spam rate any identity reached.
double peak_spam_rate(const RunResult& result);

}  // namespace delivsim::validation
