#include "sim/kernel/simulator.h"

#include <limits>
#include <stdexcept>
#include <string>

namespace delivsim::kernel {
namespace {

/// Below this many cancelled entries the queue is never compacted: they cost little and are discarded as
/// they reach the top anyway.
constexpr std::size_t kMinCancelledEntriesToCompact = 1024;

[[noreturn]] void throw_invalid(const std::string& what) {
  throw std::invalid_argument("Simulator: " + what);
}

/// Marks the simulator as running for the lifetime of the scope, exceptions included.
class RunScope {
 public:
  explicit RunScope(bool& running) : running_(running) {
    if (running_) throw std::logic_error("Simulator: run_until/run_until_idle called from inside a run");
    running_ = true;
  }
  ~RunScope() { running_ = false; }
  RunScope(const RunScope&) = delete;
  RunScope& operator=(const RunScope&) = delete;

 private:
  bool& running_;
};

}  // namespace

void Simulator::throw_time_before_earliest(std::int64_t when_ms) const {
  throw_invalid("cannot schedule at " + std::to_string(when_ms) + " ms, before the earliest allowed time " +
                std::to_string(earliest_schedulable_ms_) + " ms");
}

void Simulator::throw_invalid_delay(std::int64_t delay_ms) {
  throw_invalid("invalid delay " + std::to_string(delay_ms) + " ms (negative, or beyond the end of time)");
}

std::uint32_t Simulator::queue_slot(std::int64_t when_ms) {
  const std::uint32_t slot_index = acquire_slot();
  try {
    queue_.push(when_ms, slot_index);
  } catch (...) {
    free_slot(slot_index);
    throw;
  }
  return slot_index;
}

std::uint32_t Simulator::grow_slot_pool() {
  if (slots_.size() >= kNoFreeSlot) throw std::length_error("Simulator: too many pending events");
  slots_.emplace_back();
  return static_cast<std::uint32_t>(slots_.size() - 1);
}

void Simulator::free_slot(std::uint32_t slot_index) {
  slots_[slot_index].next_free = free_slot_head_;
  free_slot_head_ = slot_index;
}

void Simulator::invalidate_handles(Slot& slot) {
  // Generation 0 is reserved for "no event". An old handle could only be mistaken for a live one after
  // 2^32 - 1 reuses of its slot.
  if (++slot.generation == 0) slot.generation = 1;
}

bool Simulator::cancel(TimerHandle handle) {
  if (!is_pending(handle)) return false;
  // The queue entry stays until it reaches the top or the queue is compacted; its slot, now without a
  // callback, is freed then.
  Slot& slot = slots_[handle.slot_];
  slot.callback.reset();
  invalidate_handles(slot);
  --pending_count_;
  compact_queue_if_mostly_cancelled();
  return true;
}

void Simulator::compact_queue_if_mostly_cancelled() {
  // Every pending event has exactly one queue entry; the rest are cancelled. Compacting only once they
  // outnumber the pending ones keeps the cost O(1) amortised per cancel and memory within 2x.
  const std::size_t cancelled_entries = queue_.size() - pending_count_;
  if (cancelled_entries >= kMinCancelledEntriesToCompact && cancelled_entries > pending_count_) {
    queue_.erase_if([this](const QueuedEvent& entry) {
      if (!is_cancelled(entry)) return false;
      free_slot(entry.slot());
      return true;
    });
  }
}

void Simulator::run_until(SimTime end) {
  if (end.count() < now_ms_) {
    throw_invalid("run_until(" + std::to_string(end.count()) + " ms) is before now (" +
                  std::to_string(now_ms_) + " ms)");
  }
  run_events(end.count(), true);
}

void Simulator::run_until_idle() {
  run_events(std::numeric_limits<std::int64_t>::max(), false);
}

void Simulator::run_events(std::int64_t end_ms, bool advance_clock_to_end) {
  const RunScope scope(running_);
  stop_requested_ = false;
  for (;;) {
    run_due_events(end_ms);
    if (stop_requested_ || !advance_clock_to_end || now_ms_ == end_ms) return;
    advance_clock(end_ms);  // then loop once more: observers may have scheduled events at end_ms
  }
}

void Simulator::run_due_events(std::int64_t end_ms) {
  while (!stop_requested_ && !queue_.empty()) {
    const QueuedEvent next = queue_.top();
    // Nothing after end_ms is popped, not even a cancelled entry: the queue must never pop past a time
    // that events may still be scheduled at.
    if (next.time_ms > end_ms) return;
    Slot& slot = slots_[next.slot()];
    if (!slot.callback) {  // cancelled
      queue_.pop();
      free_slot(next.slot());
      continue;
    }
    if (next.time_ms > now_ms_) {
      if (!observers_.empty()) {
        advance_clock(next.time_ms);
        continue;  // observers may have scheduled or cancelled events
      }
      now_ms_ = next.time_ms;
      earliest_schedulable_ms_ = next.time_ms;
    }
    // The next event's slot is a likely cache miss (slots are scattered over the pool): start loading the
    // candidates' slots while this callback runs. A GCC/Clang builtin; only a hint.
    queue_.pop([this](const QueuedEvent& candidate) { __builtin_prefetch(&slots_[candidate.slot()]); });
    // Move the callback out first: it may schedule events, which can grow (and move) the slot pool.
    EventCallback callback = std::move(slot.callback);
    invalidate_handles(slot);
    free_slot(next.slot());
    --pending_count_;
    ++events_processed_;
    callback();
  }
}

void Simulator::advance_clock(std::int64_t to_ms) {
  if (!observers_.empty()) {
    earliest_schedulable_ms_ = to_ms;  // an observer may not schedule into the interval being skipped
    try {
      observers_.notify(SimTime{now_ms_}, SimTime{to_ms});
    } catch (...) {
      earliest_schedulable_ms_ = now_ms_;
      throw;
    }
  }
  now_ms_ = to_ms;
  earliest_schedulable_ms_ = to_ms;
}

}  // namespace delivsim::kernel
