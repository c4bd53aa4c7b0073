#include "sim/check/check_report.h"

#include <sstream>

namespace delivsim {

namespace {

/// `text` with &, <, >, " and ' escaped for an XML attribute or element.
std::string xml_escaped(const std::string& text) {
  std::string escaped;
  for (const char c : text) {
    switch (c) {
      case '&':
        escaped += "&amp;";
        break;
      case '<':
        escaped += "&lt;";
        break;
      case '>':
        escaped += "&gt;";
        break;
      case '"':
        escaped += "&quot;";
        break;
      case '\'':
        escaped += "&apos;";
        break;
      default:
        escaped += c;
    }
  }
  return escaped;
}

std::string position(const CheckedFile& file, const Expectation& expectation) {
  return file.path + ":" + std::to_string(expectation.line) + ":" + std::to_string(expectation.column);
}

std::string suite_name(const CheckedFile& file) {
  return file.strategy.empty() ? file.path : file.path + ": " + file.strategy;
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
  if (file.replications > 1) out << ", " << file.replications << " replications";
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
    out << "  <testsuite name=\"" << xml_escaped(suite_name(file)) << "\" tests=\""
        << counts.passed + counts.failed << "\" failures=\"" << counts.failed << "\">\n";
    for (const CheckedExpectation& check : file.checks) {
      out << "    <testcase classname=\"" << xml_escaped(class_name(file)) << "\" name=\""
          << xml_escaped(check.expectation.text) << "\" file=\"" << xml_escaped(file.path) << "\" line=\""
          << check.expectation.line << "\"";
      if (check.outcome.passed) {
        out << "/>\n";
      } else {
        out << ">\n      <failure message=\"" << xml_escaped(failure_message(check))
            << "\"/>\n    </testcase>\n";
      }
    }
    out << "  </testsuite>\n";
  }
  out << "</testsuites>\n";
  return out.str();
}

}  // namespace delivsim
