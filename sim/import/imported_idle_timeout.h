#pragma once
/// @file An MTA's connection idle timeout against the longest a scenario takes, for every importer.
#include <cstdint>
#include <optional>
#include <string>

namespace delivsim {

/// The warning for an MTA idle timeout of `ms`, written `written` in its file, longer than the longest a
/// scenario takes (kMaxIdleTimeout, models/destination_policy.h), which the importer writes instead; nullopt
/// when it fits.
std::optional<std::string> idle_timeout_too_long(std::int64_t ms, const std::string& written);

}  // namespace delivsim
