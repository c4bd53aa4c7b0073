#pragma once
// A name for the running test that no other test shares, for its files under the temporary folder: ctest runs
// tests in parallel, and one test name often appears in several suites (BadInputExitsTwo in four).
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

namespace delivsim::testing {

/// "Suite.Name" of the running test, the '/' of a parameterised one ("Prefix/Suite.Name/3") written '_'.
inline std::string current_test_id() {
  const ::testing::TestInfo& test = *::testing::UnitTest::GetInstance()->current_test_info();
  std::string id = std::string(test.test_suite_name()) + "." + test.name();
  std::replace(id.begin(), id.end(), '/', '_');
  return id;
}

}  // namespace delivsim::testing
