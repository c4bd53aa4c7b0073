#pragma once
/// @file The input of the scenario fuzzers (scenario_fuzzer, run_fuzzer): the YAML text, then any number of
/// NUL-separated `--set` overrides ("path=VALUE"), read as one scenario batch.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "sim/scenario/scenario_batch.h"

namespace delivsim::fuzz {

/// The batch `data` describes. Throws ScenarioError, as parse_scenario_batch does.
inline ScenarioBatch parse_fuzzed_batch(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const std::size_t yaml_end = input.find('\0');
  std::vector<std::string> overrides;
  for (std::size_t at = yaml_end; at != std::string_view::npos && at < input.size();) {
    const std::size_t next = input.find('\0', at + 1);
    overrides.emplace_back(input.substr(at + 1, next == std::string_view::npos ? next : next - at - 1));
    at = next;
  }
  return parse_scenario_batch(input.substr(0, yaml_end), "fuzz.yaml", overrides);
}

}  // namespace delivsim::fuzz
