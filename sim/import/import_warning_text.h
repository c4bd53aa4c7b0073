#pragma once
/// @file How an import warning reads: "<file>:<line>:<column>: warning: <directive>: <why>", the same shape
/// as a ScenarioError's message.
#include <string>
#include <string_view>

#include "sim/import/imported_config.h"

namespace delivsim {

/// `warning` as one line (no newline); `severity` is "warning", or "error" under `--strict`.
std::string import_warning_text(const ImportWarning& warning, std::string_view severity = "warning");

}  // namespace delivsim
