#pragma once
/// @file Which profile hosts a recipient domain in the default provider set (a scenario without
/// `providers:`), for tools that meet a domain outside a scenario (`delivsim log stats`, the importers).
#include <string_view>

#include "models/provider_profile.h"

namespace delivsim {

/// The profile of the default provider that hosts `domain` (compared without regard to ASCII case):
/// the one whose ProviderProfile::domains names it, else the catch-all ("*") profile (generic).
const ProviderProfile& default_profile_of_domain(std::string_view domain);

/// The profile of the default provider whose ProviderProfile::domains names `domain` itself (compared
/// without regard to ASCII case), or nullptr when only the catch-all would host it (the importers give such a
/// domain a provider of its own).
const ProviderProfile* default_profile_listing(std::string_view domain);

}  // namespace delivsim
