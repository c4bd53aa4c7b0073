#pragma once
// The ScenarioError a scenario text gives, for the tests of the batch keys' errors.
#include <gtest/gtest.h>

#include <string>

#include "sim/scenario/scenario_batch.h"
#include "sim/scenario/scenario_error.h"

namespace delivsim::testing {

/// The ScenarioError reading `text` as a scenario batch (file "t.yaml") gives; a test failure when it is
/// accepted.
inline ScenarioError batch_error_of(const std::string& text) {
  try {
    parse_scenario_batch(text, "t.yaml");
  } catch (const ScenarioError& error) {
    return error;
  }
  ADD_FAILURE() << "accepted:\n" << text;
  return ScenarioError("", 0, 0, "", "", "");
}

}  // namespace delivsim::testing
