#include "models/adaptive_controller.h"

#include <algorithm>

namespace delivsim {

void AdaptiveController::record(Duration now, bool deferred) {
  if (!params_.enabled) return;
  close_windows_until(now);
  ++attempts_;
  if (deferred) ++deferrals_;
}

double AdaptiveController::factor(Duration now) {
  if (!params_.enabled) return 1.0;
  close_windows_until(now);
  return factor_;
}

void AdaptiveController::close_windows_until(Duration now) {
  if (params_.window <= Duration(0) || now < window_start_ + params_.window) return;
  // Only the window holding the recorded attempts can move the factor; the empty windows after it (up to
  // the one containing `now`) leave it as it is.
  if (attempts_ > 0 && attempts_ >= params_.min_attempts) {
    const double deferral_share = static_cast<double>(deferrals_) / attempts_;
    factor_ = deferral_share > params_.deferral_threshold ? factor_ * params_.decrease_factor
                                                          : factor_ + params_.increase_step;
    factor_ = std::clamp(factor_, std::min(params_.min_factor, 1.0), 1.0);
  }
  attempts_ = 0;
  deferrals_ = 0;
  window_start_ = now - now % params_.window;  // windows are aligned to multiples of `window` from time 0
}

}  // namespace delivsim
