#pragma once
/// @file The input of the scenario fuzzers (scenario_fuzzer, run_fuzzer): the YAML text, then any number of
/// NUL-separated `--set` overrides ("path=VALUE").
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace delivsim::fuzz {

struct ScenarioInput {
  std::string_view yaml;
  std::vector<std::string> overrides;
};

inline ScenarioInput split_scenario_input(std::string_view input) {
  ScenarioInput split;
  const std::size_t yaml_end = input.find('\0');
  split.yaml = input.substr(0, yaml_end);
  for (std::size_t at = yaml_end; at != std::string_view::npos && at < input.size();) {
    const std::size_t next = input.find('\0', at + 1);
    split.overrides.emplace_back(input.substr(at + 1, next == std::string_view::npos ? next : next - at - 1));
    at = next;
  }
  return split;
}

}  // namespace delivsim::fuzz
