#include "models/tier.h"

#include <array>

namespace delivsim {

namespace {
// Indexed by the enum's value, worst to best.
constexpr std::array<std::string_view, 4> kTierNames = {"BAD", "LOW", "MEDIUM", "HIGH"};
}  // namespace

std::string_view tier_name(Tier tier) {
  return kTierNames[static_cast<std::size_t>(tier)];
}

std::optional<Tier> parse_tier(std::string_view text) {
  for (std::size_t i = 0; i < kTierNames.size(); ++i) {
    if (kTierNames[i] == text) return static_cast<Tier>(i);
  }
  return std::nullopt;
}

}  // namespace delivsim
