#include <gtest/gtest.h>

#include <iostream>

#include "sim/import/kumomta_import.h"
#include "tests/import/kumomta_test_support.h"

namespace delivsim {
namespace {

TEST(KumoFixture, Dump) {
  const ImportedConfig config = import_kumomta({test::fixture("kumomta-shaping.toml")});
  std::cout << test::scenario_text(config) << "\n";
  for (const ImportWarning& w : config.warnings)
    std::cout << w.where.line << ":" << w.where.column << " " << w.directive << ": " << w.why << "\n";
  for (const std::string& d : config.recipient_domains) std::cout << d << " ";
  std::cout << "\n";
  test::scenario_of(config);
}

}  // namespace
}  // namespace delivsim
