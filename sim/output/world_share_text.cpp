#include "sim/output/world_share_text.h"

#include <algorithm>
#include <cmath>

#include "sim/output/number_format.h"

namespace delivsim {

namespace {

/// Within this many percent of 0% or 100% (exclusive), one decimal is shown.
constexpr double kNearEndPercent = 1;
/// The smallest step shown near the ends, in percent.
constexpr double kTenth = 0.1;

}  // namespace

std::string format_world_share(double share) {
  const double percent = share * 100;
  const double tenths = std::round(percent / kTenth) * kTenth;
  if (percent > 0 && percent < kNearEndPercent) return format_fixed(std::max(tenths, kTenth), 1) + "%";
  if (percent > 100 - kNearEndPercent && percent < 100) {
    return format_fixed(std::min(tenths, 100 - kTenth), 1) + "%";
  }
  return format_fixed(std::round(percent), 0) + "%";
}

}  // namespace delivsim
