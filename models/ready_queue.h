#pragma once
/// @file The messages of one MTA queue that wait for a connection, oldest injection first.
#include <cstdint>
#include <queue>
#include <vector>

#include "models/block_fifo.h"
#include "models/units.h"

namespace delivsim {

/// Ready messages ordered by (injection time, message id). New injections arrive in that order, so they
/// wait in a FIFO; a message that arrives out of order (a retry, injected earlier) goes to a heap. Popping
/// takes the smaller of the two fronts: the order is exactly that of one heap, at FIFO cost for the bulk.
class ReadyQueue {
 public:
  /// Adds `message`, injected at `injected`; each message is in the queue at most once.
  void push(std::uint32_t message, Duration injected);
  /// Whether no message is waiting.
  bool empty() const { return in_order_.empty() && out_of_order_.empty(); }
  /// Messages waiting.
  std::size_t size() const { return in_order_.size() + out_of_order_.size(); }
  /// Injection time of the oldest message (requires !empty()). Kept up to date by push and pop, so that
  /// asking (at every pump, for the next expiry) does not read the oldest entry, long out of cache in a
  /// large backlog.
  Duration oldest_injected() const { return oldest_injected_; }
  /// Id of the oldest message, the next pop()'s (requires !empty()).
  std::uint32_t oldest() const { return front().message; }
  /// Removes the oldest message and returns its id (requires !empty()).
  std::uint32_t pop();

 private:
  /// How many FIFO entries ahead of the front pop() prefetches (two 64-byte lines of 16-byte entries).
  static constexpr std::size_t kPrefetchAhead = 8;

  struct Entry {
    Duration injected;
    std::uint32_t message;
    bool operator>(const Entry& other) const {
      return injected != other.injected ? injected > other.injected : message > other.message;
    }
  };
  /// Whether the oldest message is the FIFO's front (else the heap's top).
  bool oldest_in_order() const {
    return out_of_order_.empty() || (!in_order_.empty() && out_of_order_.top() > in_order_.front());
  }
  const Entry& front() const { return oldest_in_order() ? in_order_.front() : out_of_order_.top(); }

  Duration oldest_injected_{0};  ///< meaningful while not empty()
  BlockFifo<Entry> in_order_;    ///< sorted: every push here is not older than the back
  std::priority_queue<Entry, std::vector<Entry>, std::greater<>> out_of_order_;
};

}  // namespace delivsim
