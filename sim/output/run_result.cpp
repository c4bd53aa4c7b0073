#include "sim/output/run_result.h"

#include <algorithm>

namespace delivsim {

namespace {

double ratio_or_zero(std::int64_t numerator, std::int64_t denominator) {
  return denominator == 0 ? 0.0 : static_cast<double>(numerator) / static_cast<double>(denominator);
}

}  // namespace

double MessageCounts::deferral_rate() const {
  return ratio_or_zero(deferrals, attempts);
}

double MessageCounts::delivered_share() const {
  return ratio_or_zero(delivered, injected);
}

double MessageCounts::inbox_share() const {
  return ratio_or_zero(delivered_inbox, delivered);
}

double TrafficResult::inbox_share() const {
  return ratio_or_zero(delivered_inbox, delivered);
}

int Timeseries::column_index(const std::string& name) const {
  const auto found = std::find_if(columns.begin(), columns.end(),
                                  [&](const SeriesColumn& column) { return column.name == name; });
  return found == columns.end() ? -1 : static_cast<int>(found - columns.begin());
}

}  // namespace delivsim
