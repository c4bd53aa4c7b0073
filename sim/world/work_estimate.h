#pragma once
/// @file How much memory and how many events one run of a scenario needs, estimated from its parameters
/// before running, each part with the scenario key that asks for it (see work_limits.h for the limits).
#include <string>
#include <vector>

#include "sim/scenario/scenario.h"

namespace delivsim {

/// One part of a run's work (bytes or events) and the scenario key that drives it.
struct WorkPart {
  std::string what;   ///< e.g. "the message table of traffic 'big'"
  double amount = 0;  ///< bytes for a memory part, events for an event part
  std::string field;  ///< dotted path of the key that asks for it, e.g. traffic[0].stream.rate
  SourcePosition at;  ///< where that key is written (file only when the scenario was not read from a file)
  bool kept = false;  ///< memory held by the run's result after it ends (kept by batches until written)
};

/// The work of one run, an upper-ish estimate (calibration: work_estimate.cpp).
struct WorkEstimate {
  double messages = 0;    ///< messages injected over the duration (expected), all traffic
  double recipients = 0;  ///< the recipient index space: every traffic's recipients or population
  /// The traffic entry injecting the most messages (amount: its messages) and the one with the most
  /// recipients (amount: its recipients or population); empty `field` when there is no traffic.
  WorkPart most_messages, most_recipients;
  /// The `replications` key, which asks a batch to keep this run's result that many times (amount unused).
  WorkPart replications;
  std::vector<WorkPart> memory;  ///< the memory parts, bytes
  std::vector<WorkPart> events;  ///< the event parts, events

  /// Bytes one run needs at its peak: the process's own, every part.
  double peak_bytes() const;
  /// Bytes a finished run's result holds (the kept parts).
  double result_bytes() const;
  /// Events one run processes.
  double event_count() const;
  /// The memory part with the most bytes (requires memory not empty).
  const WorkPart& largest_memory() const;
  /// The event part with the most events (requires events not empty).
  const WorkPart& largest_events() const;
};

/// Resident memory of the process before a run's own parts, bytes (see work_estimate.cpp).
inline constexpr double kProcessBaseBytes = 12.0 * 1024 * 1024;

/// Estimates one run of `scenario` with accounting records on or off (`accounting`, the scenario's own
/// `accounting:` unless a command overrides it).
WorkEstimate estimate_work(const Scenario& scenario, bool accounting);

}  // namespace delivsim
