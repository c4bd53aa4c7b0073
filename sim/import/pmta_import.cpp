#include "sim/import/pmta_import.h"

#include "sim/yaml/scenario_error.h"

namespace delivsim {

// SEAM: replaced by the PowerMTA importer before this lands.
ImportedConfig import_powermta(const std::vector<std::filesystem::path>& files) {
  throw ScenarioError(files.empty() ? std::string() : files.front().string(), 0, 0, "",
                      "the PowerMTA importer is not written yet", "");
}

}  // namespace delivsim
