#include "models/bulk_sender.h"

#include <algorithm>

namespace delivsim {

void BulkSenderStatus::count(Duration now, double per_day) {
  if (bulk_) return;  // permanent: nothing more to count
  const std::int64_t hour = now / kHour;
  const std::int64_t stale = std::min<std::int64_t>(hour - newest_hour_, per_hour_.size());
  for (std::int64_t h = hour - stale + 1; h <= hour; ++h) {
    std::uint32_t& slot = per_hour_[static_cast<std::size_t>(h % per_hour_.size())];
    last_24h_ -= slot;
    slot = 0;
  }
  newest_hour_ = std::max(newest_hour_, hour);
  ++per_hour_[static_cast<std::size_t>(hour % per_hour_.size())];
  ++last_24h_;
  bulk_ = last_24h_ >= per_day;
}

}  // namespace delivsim
