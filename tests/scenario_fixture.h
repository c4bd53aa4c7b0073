#pragma once
// Helpers shared by the scenario-level tests: load a shipped scenario and run it.
#include <stdexcept>
#include <string>

#include "sim/scenario/scenario_loader.h"
#include "sim/world/run.h"

namespace delivsim::testing {

inline std::string shipped_scenario_path(const std::string& name) {
  return std::string(DELIVSIM_SOURCE_DIR) + "/scenarios/" + name + ".yaml";
}

inline RunResult run_shipped(const std::string& name, const std::vector<std::string>& overrides = {}) {
  return run_scenario(load_scenario(shipped_scenario_path(name), overrides));
}

/// A one-IP, one-traffic, one-provider ("p") scenario for closed-form tests; every field is YAML text.
struct SmallScenario {
  std::string duration = "1d";
  std::string ip = "{address: 192.0.2.1, age: warm, established_per_day: 10000}";
  int recipients = 1000;
  std::string at = "1h";
  std::string list = "{unknown_user_share: 0.0}";
  std::string provider = "{profile: generic, domains: [\"*\"]}";
  std::string destination = "{}";

  std::string text() const {
    return "name: small\nseed: 9\nduration: " + duration + "\nidentities:\n  ips: [" + ip +
           "]\n  domains: [{name: example.com, age: warm, established_per_day: 10000}]\n"
           "pools: {main: [192.0.2.1]}\ntraffic:\n  - name: t\n    pool: main\n    dkim_domain: example.com\n"
           "    campaign: {recipients: " +
           std::to_string(recipients) + ", at: " + at +
           "}\n    domains: {example.org: 1.0}\n    list: " + list + "\nproviders:\n  p: " + provider +
           "\nsender:\n  destinations:\n    p: " + destination + "\n";
  }
  RunResult run() const { return run_scenario(parse_scenario(text(), "small.yaml")); }
};

inline const ProviderResult& provider(const RunResult& result, const std::string& name) {
  for (const ProviderResult& p : result.providers) {
    if (p.name == name) return p;
  }
  throw std::out_of_range("no provider " + name);
}

inline const TrafficResult& traffic_of(const RunResult& result, const std::string& name) {
  for (const TrafficResult& t : result.traffic) {
    if (t.name == name) return t;
  }
  throw std::out_of_range("no traffic " + name);
}

}  // namespace delivsim::testing
