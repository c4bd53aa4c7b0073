#pragma once
// The validation suite's lessons: each seed or published lesson as the scenario runs that show it, a judge
// that says whether the conclusion holds and whether it holds for the documented reason (the mechanism), and
// the assumed parameters it may depend on, which the robustness cases move to the ends of their ranges.
#include <functional>
#include <ostream>
#include <string>
#include <vector>

#include "sim/output/run_result.h"

namespace delivsim::validation {

/// One run a lesson needs: a shipped scenario and the `--set` overrides that make its variant.
struct LessonRun {
  std::string label;     ///< how the figure names it, e.g. "warm-up"
  std::string scenario;  ///< file stem under scenarios/
  std::vector<std::string> overrides;
};

/// What a lesson's runs showed.
struct LessonVerdict {
  bool holds = false;                           ///< the conclusion the seeds draw holds
  std::string figure;                           ///< the figures that decide it, one line
  std::vector<std::string> mechanism_failures;  ///< checks of the reason that failed; empty when sound
};

struct Lesson {
  std::string id;      ///< short name, used in test names and docs/validation.md
  std::string claim;   ///< the conclusion, one sentence
  std::string source;  ///< where it comes from (seed, a provider's page, Postgrey's defaults)
  std::vector<LessonRun> runs;
  /// Assumed ReceiverParams (names as in visit_receiver_params) the conclusion could hinge on.
  std::vector<std::string> depends_on;
  /// Judges the runs' results, given in the order of `runs`.
  std::function<LessonVerdict(const std::vector<RunResult>&)> judge;
  /// The provider whose mechanism the lesson is about: its parameters move in the robustness cases, over
  /// the ranges its profile gives them. The scenarios name it after its profile (gmail, microsoft, yahoo,
  /// generic).
  std::string provider = "gmail";
};

/// Test output names a lesson by its id (GoogleTest would print its bytes).
inline void PrintTo(const Lesson& lesson, std::ostream* out) {
  *out << lesson.id;
}

/// Every lesson of the suite, in the order docs/validation.md lists them.
const std::vector<Lesson>& lessons();

/// Runs the lesson's scenarios (with accounting records), each with `extra_overrides` after its own.
std::vector<RunResult> run_lesson(const Lesson& lesson, const std::vector<std::string>& extra_overrides = {});

/// `providers.<lesson's provider>.params.<name>=<value>`: the override that moves one parameter.
std::string param_override(const Lesson& lesson, const std::string& name, const std::string& value);

}  // namespace delivsim::validation
