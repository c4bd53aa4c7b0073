// Each lesson with one assumed parameter at an end of its plausible range: it holds, or docs/validation.md
// says that this parameter value flips it.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "tests/validation/robustness.h"

namespace delivsim::validation {
namespace {

/// The "flipped by" cell of the lesson's row in docs/validation.md's summary table.
std::string documented_flips(const std::string& lesson_id) {
  std::ifstream in(std::string(DELIVSIM_SOURCE_DIR) + "/docs/validation.md");
  std::string line;
  const std::string row_start = "| `" + lesson_id + "` |";
  while (std::getline(in, line)) {
    if (line.rfind(row_start, 0) != 0) continue;
    const std::size_t last_cell = line.rfind('|', line.size() - 2);
    return line.substr(last_cell);
  }
  ADD_FAILURE() << "docs/validation.md has no row for " << lesson_id;
  return {};
}

class RobustnessTest : public ::testing::TestWithParam<RobustnessCase> {};

TEST_P(RobustnessTest, HoldsUnlessDocumentedToFlip) {
  const RobustnessCase& c = GetParam();
  const LessonVerdict verdict =
      c.lesson->judge(run_lesson(*c.lesson, {param_override(*c.lesson, c.param, c.value)}));
  const bool documented_flip =
      documented_flips(c.lesson->id).find("`" + c.label() + "`") != std::string::npos;
  EXPECT_EQ(verdict.holds, !documented_flip)
      << c.lesson->id << " with " << c.label() << ": " << (verdict.holds ? "holds" : "flips")
      << " but docs/validation.md says it " << (documented_flip ? "flips" : "holds")
      << "\n  figures: " << verdict.figure;
}

std::string test_name(const ::testing::TestParamInfo<RobustnessCase>& info) {
  const RobustnessCase& c = info.param;
  const bool low = info.index % 2 == 0;  // robustness_cases() gives the low end first
  std::string name;
  for (char ch : c.lesson->id + "__" + c.param)
    name += std::isalnum(static_cast<unsigned char>(ch)) ? ch : '_';
  return name + (low ? "_low" : "_high");
}

INSTANTIATE_TEST_SUITE_P(Ranges, RobustnessTest, ::testing::ValuesIn(robustness_cases()), test_name);

}  // namespace
}  // namespace delivsim::validation
