#pragma once
/// @file What a live receiver has seen so far, per provider: the figures summary.json and the Prometheus
/// endpoint report.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace delivsim {

struct LiveProviderCounters {
  std::int64_t connections = 0;          ///< connections the provider's receiver admitted
  std::int64_t connections_refused = 0;  ///< refused at connect (too many connections, block list)
  std::int64_t attempts = 0;             ///< replies about mail: one per recipient (or per refused MAIL FROM)
  std::int64_t delivered = 0;            ///< recipients accepted at end of DATA
  std::int64_t delivered_inbox = 0;      ///< of those, placed in the inbox
  std::int64_t deferrals = 0;            ///< 4xx replies about mail
  std::int64_t bounces = 0;              ///< 5xx replies about mail
  std::int64_t complaints = 0;           ///< complaints delivered to the receiver so far
  std::int64_t bytes_received = 0;       ///< message octets of transactions judged at end of DATA
  std::map<std::string, std::int64_t> deferrals_by_reply;  ///< "421 4.7.28" -> count
  std::map<std::string, std::int64_t> bounces_by_reply;
};

struct LiveCounters {
  std::vector<LiveProviderCounters> providers;  ///< in scenario order
  /// Connections refused before any provider was involved: a client address no scenario IP maps to.
  std::int64_t unknown_clients = 0;
};

}  // namespace delivsim
