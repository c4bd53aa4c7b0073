#pragma once
/// @file Optional automatic slow-down on deferrals and gradual ramp back: additive increase /
/// multiplicative decrease (AIMD) of a queue's throughput factor (applied to its message rate and
/// connection limit).
#include "models/units.h"

namespace delivsim {

struct AdaptiveParams {
  bool enabled = false;
  /// Deferral share (deferrals / attempts over one window) above which the factor is cut.
  double deferral_threshold = 0.05;
  /// Multiplicative decrease: factor *= decrease_factor when a window ends above the threshold.
  double decrease_factor = 0.5;
  /// Additive increase: factor += increase_step when a window ends at or below the threshold.
  double increase_step = 0.1;
  /// The factor never falls below this (so the queue keeps probing).
  double min_factor = 0.05;
  /// Length of one evaluation window.
  Duration window = std::chrono::minutes(15);
  /// Windows with fewer attempts than this leave the factor as it is.
  int min_attempts = 20;

  friend bool operator==(const AdaptiveParams&, const AdaptiveParams&) = default;
};

/// Tracks attempts and deferrals in fixed windows; the factor lies in [min_factor, 1].
class AdaptiveController {
 public:
  explicit AdaptiveController(AdaptiveParams params = {}) : params_(params) {}
  /// Records one attempt's outcome at `now` (non-decreasing), closing any windows that ended before it.
  void record(Duration now, bool deferred);
  /// The throughput factor at `now` (closes ended windows first). Always 1 when disabled.
  double factor(Duration now);

 private:
  void close_windows_until(Duration now);
  AdaptiveParams params_;
  double factor_ = 1.0;
  Duration window_start_{0};
  int attempts_ = 0;
  int deferrals_ = 0;
};

}  // namespace delivsim
