#pragma once
// The ScenarioError a scenario text gives, for the tests of the parser's errors.
#include <gtest/gtest.h>

#include <string>

#include "sim/scenario/scenario_batch.h"
#include "sim/scenario/scenario_loader.h"
#include "sim/yaml/scenario_error.h"

namespace delivsim::testing {

/// The ScenarioError `parse(text, "t.yaml")` throws; a test failure when it throws none.
template <class Parse>
ScenarioError error_of_parsing(const std::string& text, Parse parse) {
  try {
    parse(text, "t.yaml");
  } catch (const ScenarioError& error) {
    return error;
  }
  ADD_FAILURE() << "accepted:\n" << text;
  return ScenarioError("", 0, 0, "", "", "");
}

/// The ScenarioError reading `text` as a scenario batch (file "t.yaml") gives; a test failure when it is
/// accepted.
inline ScenarioError batch_error_of(const std::string& text) {
  return error_of_parsing(
      text, [](const std::string& t, const std::string& file) { return parse_scenario_batch(t, file); });
}

/// The ScenarioError reading `text` as one scenario (file "t.yaml") gives; a test failure when it is
/// accepted.
inline ScenarioError scenario_error_of(const std::string& text) {
  return error_of_parsing(
      text, [](const std::string& t, const std::string& file) { return parse_scenario(t, file); });
}

}  // namespace delivsim::testing
