#pragma once
/// @file Which of a scenario's providers the views that show one verdict (the GUI's headline and alert
/// colours, its default destination and chart provider) judge a run by.
#include "sim/scenario/scenario.h"

namespace delivsim {

/// The provider judging_index() (models/provider_profile.h) picks among the scenario's providers: the first
/// whose profile throttles by reputation, else the first; nullptr when the scenario has no providers.
const ProviderSpec* judging_provider(const Scenario& scenario);

}  // namespace delivsim
