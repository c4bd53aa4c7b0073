#include "sim/cli/import_warnings_out.h"

#include <iostream>

namespace delivsim {

void print_import_warnings(const Scenario& scenario) {
  for (const std::string& warning : scenario.import_warnings) std::cerr << warning << "\n";
}

}  // namespace delivsim
