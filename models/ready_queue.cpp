#include "models/ready_queue.h"

namespace delivsim {

void ReadyQueue::push(std::uint32_t message, Duration injected) {
  const Entry entry{injected, message};
  if (empty() || injected < oldest_injected_) oldest_injected_ = injected;
  if (in_order_.empty() || entry > in_order_.back()) {
    in_order_.push_back(entry);
  } else {
    out_of_order_.push(entry);
  }
}

std::uint32_t ReadyQueue::pop() {
  std::uint32_t message;
  if (oldest_in_order()) {
    message = in_order_.front().message;
    in_order_.pop_front();
    // In a backlog the entries ahead were written long ago; each pop reads the next one's injection time.
    if (const Entry* ahead = in_order_.find(kPrefetchAhead)) __builtin_prefetch(ahead);
  } else {
    message = out_of_order_.top().message;
    out_of_order_.pop();
  }
  if (!empty()) oldest_injected_ = front().injected;
  return message;
}

}  // namespace delivsim
