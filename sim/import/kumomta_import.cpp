#include "sim/import/kumomta_import.h"

#include "sim/yaml/scenario_error.h"

namespace delivsim {

// SEAM: replaced by the KumoMTA importer before this lands.
ImportedConfig import_kumomta(const std::vector<std::filesystem::path>& files) {
  throw ScenarioError(files.empty() ? std::string() : files.front().string(), 0, 0, "",
                      "the KumoMTA importer is not written yet", "");
}

}  // namespace delivsim
