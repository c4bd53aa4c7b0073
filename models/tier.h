#pragma once
/// @file Postmaster Tools reputation tiers (domain-facts section 3).
#include <cstdint>
#include <optional>
#include <string_view>

namespace delivsim {

/// Ordered worst to best so that `a < b` means a is worse.
enum class Tier : std::uint8_t { Bad, Low, Medium, High };

/// "BAD", "LOW", "MEDIUM", "HIGH".
std::string_view tier_name(Tier tier);
/// Inverse of tier_name (upper case only); nullopt for anything else.
std::optional<Tier> parse_tier(std::string_view text);

}  // namespace delivsim
