#pragma once
/// @file What `delivsim import` writes: a whole, runnable scenario around an imported configuration, each
/// value commented with the config line it came from, and a starting traffic section the user replaces.
#include <string>
#include <vector>

#include "sim/import/imported_config.h"
#include "sim/import/mta_format.h"

namespace delivsim {

/// The first line of every scenario `delivsim import` writes; `-o` replaces only a file that starts with it.
inline constexpr std::string_view kImportedScenarioMarker = "# Written by delivsim import";

/// The scenario document for `imported` (read from `files` as `format`): the marker line, a header comment
/// (the files, what is not in them, the warnings), then `name`, `identities` (the imported IPs and a signing
/// domain to edit), `pools`, `providers` (only when the import adds any: then with the default set written
/// out), `traffic` (one stream through the default pool to the recipient domains the configuration names,
/// in equal shares: a start to edit, marked as not from the configuration) and `sender`. When the
/// configuration declares no source IP, one documentation address (192.0.2.1, RFC 5737) in pool `default`
/// stands in, marked so.
std::string imported_scenario_text(const ImportedConfig& imported, MtaFormat format,
                                   const std::vector<std::string>& files);

}  // namespace delivsim
