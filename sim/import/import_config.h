#pragma once
/// @file Importing an MTA configuration: one entry point over the formats (mta_format.h); each format's
/// reader lives in its own files (pmta_import.h, postfix_import.h, kumomta_import.h).
#include <filesystem>
#include <vector>

#include "sim/import/imported_config.h"
#include "sim/import/mta_format.h"

namespace delivsim {

/// Reads `files` (one or more, as the format needs: PowerMTA's config and the files it includes, Postfix's
/// main.cf, master.cf and transport maps, KumoMTA's shaping files in merge order) as `format`. Throws
/// ScenarioError naming file, line and column for a file that cannot be read or a malformed configuration.
ImportedConfig import_config(MtaFormat format, const std::vector<std::filesystem::path>& files);

}  // namespace delivsim
