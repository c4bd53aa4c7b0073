#include "models/ready_queue.h"

namespace delivsim {

void ReadyQueue::push(std::uint32_t message, Duration injected) {
  const Entry entry{injected, message};
  if (in_order_.empty() || entry > in_order_.back()) {
    in_order_.push_back(entry);
  } else {
    out_of_order_.push(entry);
  }
}

std::uint32_t ReadyQueue::pop() {
  if (oldest_in_order()) {
    const std::uint32_t message = in_order_.front().message;
    in_order_.pop_front();
    return message;
  }
  const std::uint32_t message = out_of_order_.top().message;
  out_of_order_.pop();
  return message;
}

}  // namespace delivsim
