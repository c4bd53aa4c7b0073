#include "gui/run/run_pace.h"

#include <algorithm>
#include <vector>

namespace delivsim::gui {

void RunPace::add(double wall_seconds) {
  recent_.push_back(wall_seconds);
  if (recent_.size() > kPaceRuns) recent_.pop_front();
}

std::optional<double> RunPace::typicalSeconds() const {
  if (recent_.empty()) return std::nullopt;
  std::vector<double> sorted(recent_.begin(), recent_.end());
  std::sort(sorted.begin(), sorted.end());
  return sorted[(sorted.size() - 1) / 2];
}

bool RunPace::autoRunAllowed() const {
  const std::optional<double> typical = typicalSeconds();
  return typical && *typical < kAutoRunMaxSeconds;
}

}  // namespace delivsim::gui
