#pragma once
/// @file Reading a live run's summary.json (`delivsim serve`, docs/live-mode.md) back, without trusting it:
/// what the receiver saw per provider and each identity's standing with it at the end.
#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "models/reply_catalog.h"
#include "models/tier.h"
#include "models/units.h"
#include "sim/output/provider_thresholds.h"

namespace delivsim::report {

/// One identity's standing with one provider when the live run stopped.
struct LiveIdentity {
  IdentityKind kind = IdentityKind::Ip;
  std::string id;  ///< the IP or domain
  double score = 0;
  Tier tier = Tier::Medium;
};

/// What one provider's receiver saw over the live run.
struct LiveProvider {
  std::string name;
  std::string profile;  ///< empty in files written before live summaries named it
  /// What its tiers and spam rates are drawn by; files written before live summaries carried them: Gmail's.
  ProviderThresholds thresholds = ProviderThresholds::gmail();
  std::int64_t connections = 0;          ///< admitted
  std::int64_t connections_refused = 0;  ///< refused at connect
  std::int64_t attempts = 0;             ///< replies about mail (one per recipient)
  std::int64_t delivered = 0;            ///< recipients accepted
  std::int64_t delivered_inbox = 0;      ///< of those, placed in the inbox
  std::int64_t deferrals = 0;            ///< 4xx replies about mail
  std::int64_t bounces = 0;              ///< 5xx replies about mail
  std::int64_t complaints = 0;
  std::int64_t bytes_received = 0;
  std::map<std::string, std::int64_t> deferrals_by_reply;  ///< reply key -> count
  std::map<std::string, std::int64_t> bounces_by_reply;    ///< reply key -> count
  std::vector<LiveIdentity> identities;  ///< every scenario identity, as this provider sees it
};

/// A live run's summary.json.
struct LiveSummary {
  std::string scenario;
  std::string start_date;               ///< ISO 8601 UTC start of model time
  double time_scale = 1;                ///< model seconds per real second
  Duration model_time{0};               ///< how far the model's clock went
  std::int64_t unknown_clients = 0;     ///< connections refused because their address is no scenario IP
  std::vector<LiveProvider> providers;  ///< in scenario order
};

/// True when `summary` (a parsed summary.json) has a "mode" member: a live run's, whatever its value (a run's
/// summary.json has none), so that a damaged live summary is checked as one.
bool is_live_summary(const nlohmann::ordered_json& summary);

/// The LiveSummary that `summary` (is_live_summary) states. Throws ReportInputError naming `source` and the
/// key path ("summary.json: not a live run's summary.json: providers[0].attempts: missing") when "mode" is
/// not "live", a key is missing or has the wrong type, time_scale is not above 0, model_time_s is not 0 to
/// 9e15 seconds, a tier or identity kind is unknown, there are more than kMaxJsonObjectMembers providers
/// (json_file.h), two have the same name, or a count summed over them leaves std::int64_t.
LiveSummary live_summary_from_json(const nlohmann::ordered_json& summary,
                                   const std::filesystem::path& source);

}  // namespace delivsim::report
