#pragma once
/// @file What `delivsim check` reports: one line per expectation, a final count, and JUnit XML for CI.
#include <string>
#include <vector>

#include "sim/check/expectation_evaluate.h"

namespace delivsim {

/// One expectation and how it fared.
struct CheckedExpectation {
  Expectation expectation;
  ExpectationOutcome outcome;
};

/// The expectations of one scenario of a file (the file's own, or one strategy's), checked against its
/// run or replications.
struct CheckedFile {
  std::string path;      ///< the scenario file as given
  std::string scenario;  ///< the scenario's name
  std::vector<CheckedExpectation> checks;
  std::string strategy;  ///< the strategy whose `expect:` list this is; empty for the file's own
  int replications = 1;  ///< how many replications the checks were evaluated over (per world when worlds > 0)
  /// How many receiver worlds the checks were evaluated over (expectations over worlds); 0 for per-run ones.
  int worlds = 0;
};

/// How many expectations passed and failed over all files.
struct CheckCounts {
  int passed = 0;
  int failed = 0;
};

/// Counts the passes and failures in `files`.
CheckCounts count_checks(const std::vector<CheckedFile>& files);

/// The report: a heading line "<path> (<scenario>)", followed by " strategy <name>" for a strategy,
/// ", over <N> receiver worlds" for checks over worlds and ", <R> replications" when R > 1 (with " per
/// world" over worlds), then, per expectation,
/// "  PASS  <file>:<line>:<column>  <text>  (actual <value>)" (FAIL when it failed).
std::string format_checked_file(const CheckedFile& file);

/// JUnit XML: <testsuites> with a <testsuite> per CheckedFile (named by the path, or "<path>: <strategy>"
/// for a strategy, followed by " over <N> worlds" for checks over worlds) and a <testcase> per expectation
/// (classname: the scenario, or "<scenario>.<strategy>"); a failed one holds <failure message="..."/> with
/// the actual value. Text is XML-escaped.
std::string junit_xml(const std::vector<CheckedFile>& files);

}  // namespace delivsim
