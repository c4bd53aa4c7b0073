#pragma once
/// @file KumoMTA's queue rules that differ from PowerMTA's (docs/model.md 4.7): when a deferred message is
/// tried again, and the messages that wait outside a full ready queue.
#include <cstdint>
#include <vector>

#include "models/destination_policy.h"
#include "models/random.h"
#include "models/units.h"

namespace delivsim {

/// When KumoMTA tries a message again after its `failed_attempts`-th (>= 1) transient failure at `now`
/// (kumod queue.rs increment_attempts_and_update_delay): retry_interval (retry.initial) doubled per earlier
/// failure, capped at max_retry_interval (retry.max), plus a jitter uniform over +-(min(retry_interval / 20,
/// 60 s) / 2). Saturates at Duration::max().
Duration kumomta_next_attempt(const RetrySchedule& retry, int failed_attempts, Duration now,
                              RandomEngine& engine);

/// The messages that found the ready queue full (max_ready). KumoMTA puts each back in its scheduled queue
/// for a random 0-60 s and lets it in if there is room then; whichever re-check comes first after a place
/// frees wins, so the next one in is, in effect, drawn at random: that is what take() does, without an
/// event per re-check.
class KumoOverflow {
 public:
  struct Waiting {
    std::uint32_t message;
    Duration injected;
  };
  void push(std::uint32_t message, Duration injected) { waiting_.push_back({message, injected}); }
  bool empty() const { return waiting_.empty(); }
  std::size_t size() const { return waiting_.size(); }
  /// Removes one waiting message drawn uniformly and returns it (requires !empty()).
  Waiting take(RandomEngine& engine);

 private:
  std::vector<Waiting> waiting_;
};

}  // namespace delivsim
