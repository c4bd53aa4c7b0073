#pragma once
/// @file Checking an expectation against a finished run.
#include <span>
#include <string>

#include "sim/output/run_result.h"
#include "sim/scenario/expectation.h"

namespace delivsim {

/// The outcome of one expectation in one run.
struct ExpectationOutcome {
  /// The figure's value as text ("1936", "0.0123", "MEDIUM", "null"), or "missing" when the run has no such
  /// provider, traffic source or identity.
  std::string actual;
  bool passed = false;
};

/// Whether `actual <op> expected` holds.
bool compare_values(double actual, CompareOp op, double expected);

/// Looks up the expectation's figure in `result` and compares it. A missing reply key counts as 0; a null
/// figure passes only `== null` (and `!= <number>` fails too); a missing figure fails. A statistic of one
/// run is its value (null as +infinity), as in the overload below.
ExpectationOutcome evaluate_expectation(const Expectation& expectation, const RunResult& result);

/// Over replications (not empty) of one scenario: a Statistic::Each expectation passes when it passes in
/// every replication (actual: the first failing replication's value and its 1-based number, "7 in
/// replication 3", else the range of values, "12 .. 40"); otherwise the statistic of the figure's values,
/// null counting as +infinity, is compared (actual: that statistic, "inf" when infinite). A figure missing
/// from a replication fails ("missing in replication 2").
ExpectationOutcome evaluate_expectation(const Expectation& expectation,
                                        std::span<const RunResult> replications);

}  // namespace delivsim
