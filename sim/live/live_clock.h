#pragma once
/// @file The model's clock in `delivsim serve`: real time since the server started, times the time scale
/// (`--time-scale K`: quotas, windows, lock-outs and day boundaries run K times faster). The MTA under test
/// keeps its own real-time timers.
#include <chrono>
#include <functional>

#include "models/units.h"

namespace delivsim {

class LiveClock {
 public:
  using Source = std::function<std::chrono::steady_clock::time_point()>;
  /// `time_scale` > 0; `source` gives real time (a test passes its own).
  explicit LiveClock(
      double time_scale, Source source = [] { return std::chrono::steady_clock::now(); })
      : scale_(time_scale), source_(std::move(source)), start_(source_()) {}

  /// Model time since the start.
  Duration now() const {
    const std::chrono::duration<double, std::milli> real = source_() - start_;
    return saturating_ms(real.count() * scale_);
  }
  double time_scale() const { return scale_; }

 private:
  double scale_;
  Source source_;
  std::chrono::steady_clock::time_point start_;
};

}  // namespace delivsim
