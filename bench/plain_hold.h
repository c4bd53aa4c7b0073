#pragma once
/// @file The classic hold model on a bare binary heap, the yardstick for the simulator's cost per event: N
/// events pending; each step pops the earliest (time ms, sequence) entry and pushes a new one at now +
/// Exp(mean) ms. It starts from N independent Exp(mean) times, the model's steady state (memoryless holds).
#include <boost/random/exponential_distribution.hpp>
#include <cstdint>
#include <functional>
#include <queue>
#include <utility>
#include <vector>

#include "sim/kernel/rng_streams.h"

namespace delivsim::bench {

/// ~17 simulated minutes: with 1e6 pending, about one event per ms.
inline constexpr double kMeanHoldMs = 1'000'000.0;

/// Exponential hold times in whole ms, the same sequence for every model that draws them.
class HoldTimes {
 public:
  HoldTimes() : engine_(kernel::RngStreams(kSeed).stream("hold")), exponential_(1.0 / kMeanHoldMs) {}
  std::int64_t next_ms() { return static_cast<std::int64_t>(exponential_(engine_)); }

 private:
  static constexpr std::uint64_t kSeed = 42;
  kernel::Engine engine_;
  boost::random::exponential_distribution<double> exponential_;
};

/// The hold model as a std::priority_queue of (time ms, sequence) pairs.
class PlainHoldModel {
 public:
  explicit PlainHoldModel(std::int64_t pending_events) {
    for (std::int64_t i = 0; i < pending_events; ++i) queue_.emplace(hold_.next_ms(), next_sequence_++);
  }

  /// Runs `count` pop + push operations; returns the earliest pending time (so the work cannot be dropped).
  std::int64_t run(std::int64_t count) {
    for (std::int64_t i = 0; i < count; ++i) {
      const std::int64_t now_ms = queue_.top().first;
      queue_.pop();
      queue_.emplace(now_ms + hold_.next_ms(), next_sequence_++);
    }
    return queue_.top().first;
  }

 private:
  using Entry = std::pair<std::int64_t, std::uint64_t>;
  std::priority_queue<Entry, std::vector<Entry>, std::greater<>> queue_;
  HoldTimes hold_;
  std::uint64_t next_sequence_ = 0;
};

}  // namespace delivsim::bench
