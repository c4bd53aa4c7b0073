#include "sim/live/live_report.h"

#include <nlohmann/json.hpp>
#include <sstream>

#include "models/provider_profile.h"
#include "models/tier.h"
#include "sim/output/summary_json.h"

namespace delivsim {
namespace {

/// A Prometheus label value: backslash, double quote and newline escaped.
std::string label(std::string_view value) {
  std::string out;
  for (char c : value) {
    if (c == '\\' || c == '"') out.push_back('\\');
    out.push_back(c == '\n' ? 'n' : c);
  }
  return out;
}

nlohmann::ordered_json identities_json(const LiveReceiver& live, std::size_t provider) {
  const Receiver& receiver = live.receiver(provider);
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (std::uint32_t i = 0; i < receiver.identity_count(); ++i) {
    const IdentityReputation& identity = receiver.identity(i);
    const IdentityKind kind = receiver.identity_kind(i);
    const std::string& id = live.identity_name(i);
    list.push_back({{"kind", identity_kind_name(kind)},
                    {"id", id},
                    {"score", identity.score()},
                    {"tier", tier_name(identity.tier())}});
  }
  return list;
}

}  // namespace

std::string live_summary_json(const LiveReceiver& live, double time_scale) {
  const Scenario& scenario = live.scenario();
  nlohmann::ordered_json providers = nlohmann::ordered_json::array();
  for (std::size_t p = 0; p < scenario.providers.size(); ++p) {
    const LiveProviderCounters& c = live.counters().providers[p];
    const ProviderSpec& provider = scenario.providers[p];
    providers.push_back({{"name", provider.name},
                         {"profile", provider.profile->name},
                         {"connections", c.connections},
                         {"connections_refused", c.connections_refused},
                         {"attempts", c.attempts},
                         {"delivered", c.delivered},
                         {"delivered_inbox", c.delivered_inbox},
                         {"deferrals", c.deferrals},
                         {"bounces", c.bounces},
                         {"complaints", c.complaints},
                         {"bytes_received", c.bytes_received},
                         {"deferrals_by_reply", c.deferrals_by_reply},
                         {"bounces_by_reply", c.bounces_by_reply},
                         {"identities", identities_json(live, p)},
                         {"thresholds", thresholds_json(ProviderThresholds::of(provider.params))}});
  }
  const nlohmann::ordered_json summary = {{"mode", "live"},
                                          {"scenario", scenario.name},
                                          {"start_date", scenario.start_date},
                                          {"time_scale", time_scale},
                                          {"model_time_s", to_seconds(live.now())},
                                          {"unknown_clients", live.counters().unknown_clients},
                                          {"providers", providers}};
  return summary.dump(2) + "\n";
}

std::string live_prometheus_text(const LiveReceiver& live) {
  const Scenario& scenario = live.scenario();
  std::ostringstream out;
  auto family = [&](const char* name, const char* help, auto value_of) {
    out << "# HELP delivsim_live_" << name << ' ' << help << "\n# TYPE delivsim_live_" << name
        << " counter\n";
    for (std::size_t p = 0; p < scenario.providers.size(); ++p) {
      out << "delivsim_live_" << name << "{provider=\"" << label(scenario.providers[p].name) << "\"} "
          << value_of(live.counters().providers[p]) << '\n';
    }
  };
  family("connections_total", "Connections the provider's receiver admitted.",
         [](const LiveProviderCounters& c) { return c.connections; });
  family("connections_refused_total", "Connections refused at connect.",
         [](const LiveProviderCounters& c) { return c.connections_refused; });
  family("attempts_total", "Replies about mail.", [](const LiveProviderCounters& c) { return c.attempts; });
  family("delivered_total", "Recipients accepted.",
         [](const LiveProviderCounters& c) { return c.delivered; });
  family("deferrals_total", "4xx replies about mail.",
         [](const LiveProviderCounters& c) { return c.deferrals; });
  family("bounces_total", "5xx replies about mail.", [](const LiveProviderCounters& c) { return c.bounces; });
  family("complaints_total", "Complaints delivered.",
         [](const LiveProviderCounters& c) { return c.complaints; });
  out << "# HELP delivsim_live_replies_total Non-2xx replies about mail by reply key.\n"
         "# TYPE delivsim_live_replies_total counter\n";
  for (std::size_t p = 0; p < scenario.providers.size(); ++p) {
    const LiveProviderCounters& c = live.counters().providers[p];
    for (const auto* by_reply : {&c.deferrals_by_reply, &c.bounces_by_reply}) {
      for (const auto& [key, count] : *by_reply) {
        out << "delivsim_live_replies_total{provider=\"" << label(scenario.providers[p].name) << "\",reply=\""
            << label(key) << "\"} " << count << '\n';
      }
    }
  }
  out << "# HELP delivsim_live_model_time_seconds The model's clock.\n# TYPE "
         "delivsim_live_model_time_seconds "
         "gauge\ndelivsim_live_model_time_seconds "
      << to_seconds(live.now()) << '\n';
  return out.str();
}

}  // namespace delivsim
