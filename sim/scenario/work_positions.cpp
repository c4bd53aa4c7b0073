#include "sim/scenario/work_positions.h"

#include <string>

namespace delivsim {

namespace {

/// Notes `path` at the value of `key` in `map`, or at `map` itself when the key is not there.
void note(Scenario& scenario, const std::string& path, const YamlNode& map, std::string_view key) {
  const YamlNode* value = map.find(key);
  scenario.work_positions[path] = value != nullptr ? value->position : map.position;
}

}  // namespace

void note_work_positions(const YamlNode& root, Scenario& scenario) {
  for (const char* key : {"duration", "timeseries_interval", "replications"}) note(scenario, key, root, key);
  const YamlNode* traffic = root.find("traffic");
  if (traffic == nullptr) return;
  for (std::size_t i = 0; i < traffic->items.size() && i < scenario.traffic.size(); ++i) {
    const std::string prefix = "traffic[" + std::to_string(i) + "].";
    const YamlNode& item = traffic->items[i];
    if (const YamlNode* campaign = item.find("campaign")) {
      note(scenario, prefix + "campaign.recipients", *campaign, "recipients");
    }
    if (const YamlNode* stream = item.find("stream")) {
      note(scenario, prefix + "stream.rate", *stream, "rate");
      note(scenario, prefix + "stream.population", *stream, "population");
    }
    if (const YamlNode* replay = item.find("replay")) note(scenario, prefix + "replay.log", *replay, "log");
  }
}

}  // namespace delivsim
