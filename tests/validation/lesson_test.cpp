// Each lesson at the model's defaults: the conclusion holds, and for the documented reason.
#include <gtest/gtest.h>

#include "tests/validation/lesson.h"

namespace delivsim::validation {
namespace {

class LessonTest : public ::testing::TestWithParam<Lesson> {};

TEST_P(LessonTest, HoldsForTheDocumentedReason) {
  const Lesson& lesson = GetParam();
  const LessonVerdict verdict = lesson.judge(run_lesson(lesson));
  EXPECT_TRUE(verdict.holds) << lesson.claim << "\n  figures: " << verdict.figure;
  for (const std::string& failure : verdict.mechanism_failures) {
    ADD_FAILURE() << lesson.id << ": mechanism check failed: " << failure
                  << "\n  figures: " << verdict.figure;
  }
}

std::string test_name(const ::testing::TestParamInfo<Lesson>& info) {
  std::string name;
  for (char c : info.param.id) name += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
  return name;
}

INSTANTIATE_TEST_SUITE_P(Lessons, LessonTest, ::testing::ValuesIn(lessons()), test_name);

}  // namespace
}  // namespace delivsim::validation
