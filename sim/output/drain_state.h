#pragma once
/// @file How a provider's queue ended a run: drained, a steady stream (never empty only because new mail
/// keeps arriving), or mail piling up. The one rule the CLI's summary and the GUI's headline both use.
#include <cstddef>
#include <string>

#include "sim/output/run_result.h"

namespace delivsim {

/// How a provider's queue ended a run.
enum class DrainState {
  Drained,      ///< the queue was empty at last with nothing more to inject (time_to_drain_s is set)
  SteadyState,  ///< never drained, but the queue at the end would clear within one interval at its pace
  PilingUp,     ///< never drained, and more is queued than one interval's pace clears: mail piles up
};

/// How `result.providers[provider]` ended. A provider that never drained is in SteadyState when its queue at
/// the end (counts.queued_at_end) is at most the messages it finished (delivered or bounced) in the time
/// series' last interval: at that pace the queue clears within one interval, so it is non-empty only
/// because traffic keeps injecting. PilingUp otherwise, also when the time series has no row or no such
/// columns ("<provider>.delivered", "<provider>.bounced"). A provider that got no mail counts as Drained.
DrainState drain_state(const RunResult& result, std::size_t provider);

/// The provider's drain as the CLI's summary and the HTML report write it: its time to drain ("3d 4h"),
/// "no mail" for a provider that got none, "steady state" or "not drained" (drain_state()).
std::string drain_text(const RunResult& result, std::size_t provider);

/// The messages `result.providers[provider]` finished (delivered or bounced) in the time series' last
/// interval; 0 when the time series has no row or no such columns.
std::int64_t finished_in_last_interval(const RunResult& result, std::size_t provider);

}  // namespace delivsim
