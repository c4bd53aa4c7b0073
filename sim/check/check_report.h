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

/// The expectations of one scenario file, checked against its run.
struct CheckedFile {
  std::string path;      ///< the scenario file as given
  std::string scenario;  ///< the scenario's name
  std::vector<CheckedExpectation> checks;
};

/// How many expectations passed and failed over all files.
struct CheckCounts {
  int passed = 0;
  int failed = 0;
};

/// Counts the passes and failures in `files`.
CheckCounts count_checks(const std::vector<CheckedFile>& files);

/// The file's report: a heading line "<path> (<scenario>)" then, per expectation,
/// "  PASS  <file>:<line>:<column>  <text>  (actual <value>)" (FAIL when it failed).
std::string format_checked_file(const CheckedFile& file);

/// JUnit XML: <testsuites> with a <testsuite> per file and a <testcase> per expectation; a failed one holds
/// <failure message="..."/> with the actual value. Text is XML-escaped.
std::string junit_xml(const std::vector<CheckedFile>& files);

}  // namespace delivsim
