#include "models/default_provider.h"

#include <algorithm>
#include <stdexcept>

namespace delivsim {

namespace {

bool equal_ignoring_case(std::string_view a, std::string_view b) {
  const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
  return a.size() == b.size() &&
         std::equal(a.begin(), a.end(), b.begin(), [&](char x, char y) { return lower(x) == lower(y); });
}

}  // namespace

const ProviderProfile* default_profile_listing(std::string_view domain) {
  for (const ProviderProfile& profile : provider_profiles()) {
    if (profile.default_provider.empty()) continue;
    for (const std::string& hosted : profile.domains) {
      if (hosted != "*" && equal_ignoring_case(hosted, domain)) return &profile;
    }
  }
  return nullptr;
}

const ProviderProfile& default_profile_of_domain(std::string_view domain) {
  if (const ProviderProfile* listing = default_profile_listing(domain)) return *listing;
  for (const ProviderProfile& profile : provider_profiles()) {
    if (!profile.default_provider.empty() &&
        std::find(profile.domains.begin(), profile.domains.end(), "*") != profile.domains.end()) {
      return profile;
    }
  }
  throw std::logic_error("the default provider set has no catch-all profile");
}

}  // namespace delivsim
