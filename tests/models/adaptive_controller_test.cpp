#include "models/adaptive_controller.h"

#include <gtest/gtest.h>

namespace delivsim {
namespace {

using std::chrono::hours;
using std::chrono::minutes;

AdaptiveParams enabled_params() {
  AdaptiveParams params;  // threshold 5%, x0.5, +0.1, floor 0.05, 15 min windows, 20 attempts
  params.enabled = true;
  return params;
}

/// Records `attempts` outcomes spread over the window starting at `start`, the first `deferred` of them
/// deferred.
void record_window(AdaptiveController& controller, Duration start, int attempts, int deferred) {
  const Duration step = minutes(15) / attempts;
  for (int i = 0; i < attempts; ++i) controller.record(start + i * step, i < deferred);
}

TEST(AdaptiveControllerTest, AimdFactorPath) {
  AdaptiveController controller(enabled_params());
  /// Attempts and deferrals in consecutive windows, and the factor once each window has ended.
  struct Window {
    int attempts, deferred;
    double factor_after;
  };
  const Window windows[] = {
      {100, 10, 0.5},  // 10% > 5%: halve
      {100, 6, 0.25},  // 6% > 5%: halve
      {100, 5, 0.35},  // exactly 5%: at the threshold, so add 0.1
      {10, 10, 0.35},  // fewer than 20 attempts: unchanged
      {20, 0, 0.45},   // clean: add 0.1
  };
  Duration start{0};
  double factor_before = 1.0;
  for (const Window& window : windows) {
    record_window(controller, start, window.attempts, window.deferred);
    EXPECT_DOUBLE_EQ(controller.factor(start + minutes(15) - Duration(1)),
                     factor_before);  // window still open
    start += minutes(15);
    EXPECT_DOUBLE_EQ(controller.factor(start), window.factor_after);
    factor_before = window.factor_after;
  }
}

TEST(AdaptiveControllerTest, FactorStaysWithinMinAndOne) {
  AdaptiveController controller(enabled_params());
  const double expected_cuts[] = {0.5, 0.25, 0.125, 0.0625, 0.05, 0.05};
  Duration start{0};
  for (double expected : expected_cuts) {
    record_window(controller, start, 20, 20);
    start += minutes(15);
    EXPECT_DOUBLE_EQ(controller.factor(start), expected);
  }
  for (int i = 0; i < 12; ++i) {
    record_window(controller, start, 20, 0);
    start += minutes(15);
  }
  EXPECT_DOUBLE_EQ(controller.factor(start), 1.0);
}

TEST(AdaptiveControllerTest, WindowsAlignToMultiplesOfWindowAfterIdleGap) {
  AdaptiveController controller(enabled_params());
  record_window(controller, Duration(0), 20, 20);
  EXPECT_DOUBLE_EQ(controller.factor(hours(10) + minutes(7)), 0.5);  // empty windows in between: unchanged
  // 20 deferrals from 10:07 to 10:14 fall in the window [10:00, 10:15), which closes at 10:15.
  for (int i = 0; i < 20; ++i) controller.record(hours(10) + minutes(7) + i * std::chrono::seconds(20), true);
  EXPECT_DOUBLE_EQ(controller.factor(hours(10) + minutes(15) - Duration(1)), 0.5);
  EXPECT_DOUBLE_EQ(controller.factor(hours(10) + minutes(15)), 0.25);
}

TEST(AdaptiveControllerTest, DisabledIsAlwaysOne) {
  AdaptiveController controller;  // default params: disabled
  record_window(controller, Duration(0), 100, 100);
  EXPECT_DOUBLE_EQ(controller.factor(hours(1)), 1.0);
}

}  // namespace
}  // namespace delivsim
