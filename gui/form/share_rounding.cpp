#include "gui/form/share_rounding.h"

#include <cmath>

namespace delivsim::gui {

double round_share(double share) {
  const double scale = std::pow(10.0, kShareDecimals);
  return std::round(share * scale) / scale;
}

bool absorb_rounding_in_last(std::vector<double>& shares) {
  if (shares.empty()) return false;
  double others = 0;
  for (std::size_t i = 0; i + 1 < shares.size(); ++i) others += shares[i];
  const double last = round_share(1 - others);
  if (last <= 0) return false;
  shares.back() = last;
  return true;
}

}  // namespace delivsim::gui
