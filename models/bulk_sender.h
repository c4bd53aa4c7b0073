#pragma once
/// @file Google's bulk-sender status of one sending domain: a domain that sends close to 5,000 messages to
/// personal Gmail accounts within 24 hours is a bulk sender, and the status is permanent (Google's sender
/// guidelines FAQ, domain-facts-wave2 1.1). Bulk senders must also meet the SPF, DKIM, DMARC and alignment
/// requirements (models/auth_requirements.h).
#include <array>
#include <cstdint>

#include "models/units.h"

namespace delivsim {

class BulkSenderStatus {
 public:
  /// `already_bulk`: the domain reached the threshold before the run.
  explicit BulkSenderStatus(bool already_bulk = false) : bulk_(already_bulk) {}

  /// Counts one message at `now` (calls in time order). Once the last 24 hours hold `per_day` messages
  /// the domain is a bulk sender for good. The 24 hours are the current hour slot and the 23 before it.
  void count(Duration now, double per_day);
  bool bulk() const { return bulk_; }
  /// Messages counted in the current hour slot and the 23 before it, as of the last count.
  std::uint32_t last_24h() const { return last_24h_; }

 private:
  std::array<std::uint32_t, 24> per_hour_{};  ///< messages per hour slot, indexed by hour mod 24
  std::int64_t newest_hour_ = 0;              ///< the hour (since t = 0) of the newest slot
  std::uint32_t last_24h_ = 0;                ///< sum of per_hour_
  bool bulk_ = false;
};

}  // namespace delivsim
