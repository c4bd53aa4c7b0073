#pragma once
/// @file The providers' profiles, one file each in models/profiles/ (their reply texts, defaults and
/// published/assumed flags); provider_profiles() (models/provider_profile.cpp) lists them in order.
#include "models/provider_profile.h"

namespace delivsim {

ProviderProfile gmail_profile();      ///< models/profiles/gmail.cpp
ProviderProfile microsoft_profile();  ///< models/profiles/microsoft.cpp
ProviderProfile yahoo_profile();      ///< models/profiles/yahoo.cpp
ProviderProfile generic_profile();    ///< models/profiles/generic.cpp

}  // namespace delivsim
