#pragma once
/// @file How quick the recent runs were, and whether that lets every change re-run by itself (what-if mode).
#include <deque>
#include <optional>

namespace delivsim::gui {

/// A typical run quicker than this (wall time, seconds) makes every later change re-run automatically.
inline constexpr double kAutoRunMaxSeconds = 1.0;

/// How many recent runs the typical wall time is taken over.
inline constexpr std::size_t kPaceRuns = 3;

/// The wall times of the last kPaceRuns runs. One run slowed down by a busy machine does not switch
/// automatic re-runs off: the typical time is their median.
class RunPace {
 public:
  /// Counts a finished run that took `wall_seconds`.
  void add(double wall_seconds);
  /// Forgets the runs (another scenario was opened: its speed is unknown).
  void clear() { recent_.clear(); }
  /// The median wall time of the recent runs, seconds (of two, the quicker); nullopt before any run.
  std::optional<double> typicalSeconds() const;
  /// Whether the typical run is quicker than kAutoRunMaxSeconds.
  bool autoRunAllowed() const;

 private:
  std::deque<double> recent_;  ///< wall times, seconds, oldest first
};

}  // namespace delivsim::gui
