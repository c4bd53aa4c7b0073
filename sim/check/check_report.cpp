#include "sim/check/check_report.h"

#include <sstream>

#include "sim/output/number_format.h"
#include "sim/output/xml_escape.h"

namespace delivsim {

namespace {

std::string position(const CheckedFile& file, const Expectation& expectation) {
  return file.path + ":" + std::to_string(expectation.line) + ":" + std::to_string(expectation.column);
}

std::string suite_name(const CheckedFile& file) {
  const std::string name = file.strategy.empty() ? file.path : file.path + ": " + file.strategy;
  return file.worlds > 0 ? name + " over " + std::to_string(file.worlds) + " worlds" : name;
}

std::string class_name(const CheckedFile& file) {
  return file.strategy.empty() ? file.scenario : file.scenario + "." + file.strategy;
}

std::string failure_message(const CheckedExpectation& check) {
  return "expected " + check.expectation.text + ", actual " + check.outcome.actual;
}

}  // namespace

CheckCounts count_checks(const std::vector<CheckedFile>& files) {
  CheckCounts counts;
  for (const CheckedFile& file : files) {
    for (const CheckedExpectation& check : file.checks)
      ++(check.outcome.passed ? counts.passed : counts.failed);
  }
  return counts;
}

std::string format_checked_file(const CheckedFile& file) {
  std::ostringstream out;
  out << file.path << " (" << file.scenario << ")";
  if (!file.strategy.empty()) out << " strategy " << file.strategy;
  if (file.worlds > 0) out << ", over " << file.worlds << " receiver worlds";
  if (file.replications > 1) {
    out << ", " << format_count_noun(file.replications, "replication", "replications")
        << (file.worlds > 0 ? " per world" : "");
  }
  out << "\n";
  for (const CheckedExpectation& check : file.checks) {
    out << "  " << (check.outcome.passed ? "PASS" : "FAIL") << "  " << position(file, check.expectation)
        << "  " << check.expectation.text << "  (actual " << check.outcome.actual << ")\n";
  }
  return out.str();
}

std::string junit_xml(const std::vector<CheckedFile>& files) {
  const CheckCounts total = count_checks(files);
  std::ostringstream out;
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out << "<testsuites name=\"delivsim check\" tests=\"" << total.passed + total.failed << "\" failures=\""
      << total.failed << "\">\n";
  for (const CheckedFile& file : files) {
    const CheckCounts counts = count_checks({file});
    out << "  <testsuite name=\"" << escape_xml(suite_name(file)) << "\" tests=\""
        << counts.passed + counts.failed << "\" failures=\"" << counts.failed << "\">\n";
    for (const CheckedExpectation& check : file.checks) {
      out << "    <testcase classname=\"" << escape_xml(class_name(file)) << "\" name=\""
          << escape_xml(check.expectation.text) << "\" file=\"" << escape_xml(file.path) << "\" line=\""
          << check.expectation.line << "\"";
      if (check.outcome.passed) {
        out << "/>\n";
      } else {
        out << ">\n      <failure message=\"" << escape_xml(failure_message(check))
            << "\"/>\n    </testcase>\n";
      }
    }
    out << "  </testsuite>\n";
  }
  out << "</testsuites>\n";
  return out.str();
}

}  // namespace delivsim
