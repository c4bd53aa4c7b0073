#pragma once
/// @file Checking an expectation against a finished run.
#include <span>
#include <string>

#include "sim/check/expectation.h"
#include "sim/output/run_result.h"

namespace delivsim {

/// The outcome of one expectation in one run.
struct ExpectationOutcome {
  /// The figure's value as text ("1936", "0.0123", "MEDIUM", "null"), or "missing" when the run has no such
  /// provider, traffic source or identity.
  std::string actual;
  bool passed = false;
};

/// Looks up the expectation's figure in `result` and compares it. A missing reply key counts as 0; a null
/// figure passes only `== null` (and `!= <number>` fails too); a missing figure fails.
ExpectationOutcome evaluate_expectation(const Expectation& expectation, const RunResult& result);

/// Over replications (not empty) of one scenario: a Statistic::Each expectation passes when it passes in
/// every replication (actual: the first failing replication's value and its number, else the value range);
/// otherwise the statistic of the figure's values is compared (actual: that statistic).
ExpectationOutcome evaluate_expectation(const Expectation& expectation, std::span<const RunResult> replications);

}  // namespace delivsim
