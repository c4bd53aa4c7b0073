#pragma once
// The robustness cases: every lesson rerun with each parameter it depends on at either end of its range.
#include <string>
#include <vector>

#include "tests/validation/lesson.h"

namespace delivsim::validation {

/// One lesson with one assumed parameter moved to one end of its plausible range.
struct RobustnessCase {
  const Lesson* lesson = nullptr;
  std::string param;
  std::string value;  ///< as a scenario writes it
  /// `param=value`, as docs/validation.md's "flipped by" column writes it.
  std::string label() const { return param + "=" + value; }
};

/// Test output names a case as "lesson with param=value" (GoogleTest would print its bytes).
inline void PrintTo(const RobustnessCase& c, std::ostream* out) {
  *out << c.lesson->id << " with " << c.label();
}

/// Every robustness case, lesson by lesson, parameters in the lesson's order, low end first.
std::vector<RobustnessCase> robustness_cases();

}  // namespace delivsim::validation
