#include "sim/scenario/scenario_reader.h"

#include <algorithm>

#include "sim/scenario/field_reader.h"
#include "sim/scenario/scenario_sections.h"
#include "sim/scenario/value_syntax.h"
#include "sim/scenario/work_positions.h"
#include "sim/yaml/scenario_error.h"

namespace delivsim {

namespace {

void read_run_settings(const MapReader& top, Scenario& scenario) {
  if (auto field = top.get("name")) {
    scenario.name = read_name(*field);
    if (auto problem = plain_name_problem(scenario.name)) {
      field->fail(quote_value(scenario.name) + " " + *problem + " (it names the output folder)",
                  std::string(kPlainNameRule));
    }
  }
  if (auto field = top.get("description")) scenario.description = read_text(*field, "free text");
  if (auto field = top.get("seed")) scenario.seed = read_uint64(*field);
  if (auto field = top.get("start")) {
    scenario.start_date = read_text(*field, "a UTC time such as 2026-01-05T00:00:00Z");
    if (auto problem = utc_timestamp_problem(scenario.start_date)) {
      field->fail(quote_value(scenario.start_date) + " " + *problem,
                  "a UTC time such as 2026-01-05T00:00:00Z");
    }
  }
  if (auto field = top.get("duration")) {
    scenario.duration = read_duration(*field, DurationBound::Positive);
    if (scenario.duration > kMaxScenarioDuration) {
      field->fail(quote_value(field->node().scalar) + " is longer than 400d",
                  "a duration > 0 and at most 400d");
    }
  }
  if (auto field = top.get("timeseries_interval")) {
    scenario.timeseries_interval = read_duration(*field, DurationBound::Positive);
    if (scenario.timeseries_interval > scenario.duration) {
      field->fail(quote_value(field->node().scalar) + " is longer than the scenario's duration",
                  "a duration > 0 and at most the scenario's duration");
    }
  } else {
    // The default (1h) shrinks to fit a shorter scenario.
    scenario.timeseries_interval = std::min(scenario.timeseries_interval, scenario.duration);
  }
  if (auto field = top.get("accounting")) scenario.accounting = read_bool(*field);
  if (auto field = top.get("replications")) scenario.replications = read_int(*field, 1, kMaxReplications);
}

}  // namespace

Scenario read_scenario(const YamlNode& root, const std::string& default_name,
                       const std::string& source_path) {
  const Field root_field(root, "");
  if (root.kind == YamlNode::Kind::Null) {
    root_field.fail("the scenario is empty", "a mapping of scenario keys");
  }
  const MapReader top(
      root_field, {"name", "description", "seed", "start", "duration", "timeseries_interval", "accounting",
                   "replications", "identities", "pools", "traffic", "providers", "sender", "expect",
                   "strategies", "sweep", "objective", "uncertainty"});
  Scenario scenario;
  scenario.name = is_plain_name(default_name) ? default_name : "scenario";
  scenario.source_path = source_path;
  read_run_settings(top, scenario);
  read_identities_and_pools(top, scenario);
  read_providers(top, scenario);
  read_traffic(top, scenario);
  read_sender(top, scenario);
  read_expectations(top, scenario);
  note_work_positions(root, scenario);
  return scenario;
}

}  // namespace delivsim
