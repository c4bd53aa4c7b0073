#pragma once
/// @file Which receiver parameters the GUI's headline and charts judge a run by (alert levels, spam-rate
/// lines). The headline figures themselves are in sim/output/headline.h.
#include <string>

#include "models/receiver_params.h"
#include "sim/output/headline.h"
#include "sim/scenario/scenario.h"

namespace delivsim::gui {

/// The receiver parameters the headline judges by: judging_provider()'s (sim/scenario/judging_provider.h),
/// else (a scenario without providers) the first profile's defaults.
const ReceiverParams& judging_params(const Scenario& scenario);

/// The receiver parameters of the provider named `provider`, else judging_params().
const ReceiverParams& provider_params(const Scenario& scenario, const std::string& provider);

}  // namespace delivsim::gui
