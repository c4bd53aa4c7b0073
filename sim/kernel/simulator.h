#pragma once
/// @file The discrete-event simulation kernel: simulated clock, event queue, cancellable timers, observers.
#include <cstddef>
#include <cstdint>
#include <limits>
#include <utility>
#include <vector>

#include "sim/kernel/event_callback.h"
#include "sim/kernel/event_queue.h"
#include "sim/kernel/sim_time.h"
#include "sim/kernel/time_advance_observers.h"

namespace delivsim::kernel {

/// Handle to a scheduled event; default-constructed = no event. Only meaningful for the Simulator that
/// returned it. Copying a handle is cheap (8 bytes).
class TimerHandle {
 public:
  /// A handle that refers to no event.
  TimerHandle() = default;

  /// True when the handle came from a schedule call (the event may since have run or been cancelled;
  /// ask Simulator::is_pending for that).
  bool valid() const { return generation_ != 0; }

  /// Handles are equal when they refer to the same scheduled event (or both to none).
  friend bool operator==(const TimerHandle&, const TimerHandle&) = default;

 private:
  friend class Simulator;
  TimerHandle(std::uint32_t slot, std::uint32_t generation) : slot_(slot), generation_(generation) {}

  std::uint32_t slot_ = 0;
  std::uint32_t generation_ = 0;  ///< 0 = no event; slots' generations start at 1
};

/// Single-threaded discrete-event simulator. Events are `void()` callbacks run in (time, scheduling order)
/// order; callbacks may schedule and cancel events. Not reentrant: a callback must not call run_until or
/// run_until_idle.
class Simulator {
 public:
  /// Signature of an on_time_advance observer.
  using TimeAdvanceObserver = TimeAdvanceObservers::Observer;

  /// An empty simulator at time 0.
  Simulator() = default;

  // Callbacks usually hold a pointer to their simulator, so it never moves.
  Simulator(const Simulator&) = delete;
  Simulator& operator=(const Simulator&) = delete;

  /// Current simulated time (0 at the start).
  SimTime now() const { return SimTime{now_ms_}; }

  /// Schedules `callback` (a `void()` callable) to run at `when`. Callables of up to
  /// EventCallback::kInlineBytes bytes are stored without a heap allocation.
  /// @throws std::invalid_argument if `when` < now() (or, inside a time-advance observer, `when` < the time
  /// being advanced to).
  template <class F>
  TimerHandle schedule_at(SimTime when, F&& callback) {
    if (when.count() < earliest_schedulable_ms_) throw_time_before_earliest(when.count());
    const std::uint32_t slot_index = queue_slot(when.count());
    Slot& slot = slots_[slot_index];
    // Built in its slot, not moved there. Should building it throw, the entry stays queued without a
    // callback: a cancelled entry, dropped when it reaches the top.
    slot.callback.emplace(std::forward<F>(callback));
    ++pending_count_;
    return TimerHandle(slot_index, slot.generation);
  }

  /// Schedules `callback` to run `delay` after now().
  /// @throws std::invalid_argument if `delay` is negative or now() + `delay` overflows SimTime.
  template <class F>
  TimerHandle schedule_in(SimTime delay, F&& callback) {
    if (delay.count() < 0 || delay.count() > SimTime::max().count() - now_ms_)
      throw_invalid_delay(delay.count());
    return schedule_at(now() + delay, std::forward<F>(callback));
  }

  /// While a ScheduleBatch lives, the events scheduled join the event queue's sorted run, sorted when it
  /// ends (EventQueue::begin_batch): cheaper than the queue's buckets for many events scheduled at once and
  /// spread over the near future, such as a minute's arrivals. Events run in the same order either way.
  /// Batches do not nest.
  class [[nodiscard]] ScheduleBatch {
   public:
    explicit ScheduleBatch(Simulator& simulator) : queue_(simulator.queue_) { queue_.begin_batch(); }
    ~ScheduleBatch() { queue_.end_batch(); }
    ScheduleBatch(const ScheduleBatch&) = delete;
    ScheduleBatch& operator=(const ScheduleBatch&) = delete;

   private:
    EventQueue& queue_;
  };

  /// Cancels a pending event. Returns true if it was pending and is now cancelled; false for a handle whose
  /// event already ran (or is running), was already cancelled, or that refers to no event.
  bool cancel(TimerHandle handle);

  /// True when `handle`'s event is scheduled and has neither run nor been cancelled.
  bool is_pending(TimerHandle handle) const {
    return handle.valid() && handle.slot_ < slots_.size() &&
           slots_[handle.slot_].generation == handle.generation_;
  }

  /// Events scheduled and not yet run or cancelled.
  std::size_t pending_count() const { return pending_count_; }

  /// Runs every event with time <= `end`, then sets now() to `end` (even if the queue emptied earlier,
  /// notifying observers of that last advance). If a callback calls stop(), returns after that event and
  /// leaves now() at its time.
  /// @throws std::invalid_argument if `end` < now(); std::logic_error if called from a callback.
  void run_until(SimTime end);

  /// Runs events until none is pending (or a callback calls stop()); now() stays at the last event's time.
  /// @throws std::logic_error if called from a callback.
  void run_until_idle();

  /// Makes the current run_until / run_until_idle return after the event being run. Without a run in
  /// progress it has no effect.
  void stop() { stop_requested_ = true; }

  /// Callbacks run so far.
  std::uint64_t events_processed() const { return events_processed_; }

  /// Registers `observer`, called when simulated time is about to move from `from` to `to` (to > from),
  /// before the events at `to` run; now() still returns `from` during the call. An observer may schedule
  /// events at `to` or later. Returns an id for remove_observer.
  std::size_t on_time_advance(TimeAdvanceObserver observer) { return observers_.add(std::move(observer)); }

  /// Unregisters an observer (safe from inside an observer); unknown ids are ignored.
  void remove_observer(std::size_t id) { observers_.remove(id); }

  /// Diagnostics: callback slots allocated (pending events, cancelled events still queued, and free slots
  /// kept for reuse). Finished and cancelled events give their slots back, so this stays within about twice
  /// the peak pending_count() (plus a small constant) however many events a run schedules.
  std::size_t slot_capacity() const { return slots_.size(); }

  /// Diagnostics: entries in the event queue, including cancelled ones not yet discarded. Kept below
  /// about twice pending_count() (plus a small constant) by compacting the queue.
  std::size_t queued_entry_count() const { return queue_.size(); }

 private:
  static constexpr std::uint32_t kNoFreeSlot = std::numeric_limits<std::uint32_t>::max();

  /// A callback plus its bookkeeping: one 64-byte cache line. A slot is free, pending (has a callback), or
  /// cancelled (no callback, but its queue entry is still queued).
  struct Slot {
    EventCallback callback;
    std::uint32_t generation = 1;  ///< bumped when the event runs or is cancelled, so old handles go stale
    std::uint32_t next_free = 0;   ///< next slot in the free list while this one is free
  };
  static_assert(sizeof(EventCallback) + 2 * sizeof(std::uint32_t) == 64);

  [[noreturn]] void throw_time_before_earliest(std::int64_t when_ms) const;
  [[noreturn]] static void throw_invalid_delay(std::int64_t delay_ms);
  /// Takes a free slot and queues it at `when_ms`; its callback is still to be set.
  std::uint32_t queue_slot(std::int64_t when_ms);
  std::uint32_t acquire_slot() { return free_slot_head_ != kNoFreeSlot ? pop_free_slot() : grow_slot_pool(); }
  std::uint32_t pop_free_slot() {
    const std::uint32_t slot_index = free_slot_head_;
    free_slot_head_ = slots_[slot_index].next_free;
    return slot_index;
  }
  std::uint32_t grow_slot_pool();
  void free_slot(std::uint32_t slot_index);
  static void invalidate_handles(Slot& slot);
  /// A queued entry whose slot lost its callback was cancelled.
  bool is_cancelled(const QueuedEvent& entry) const { return !slots_[entry.slot()].callback; }
  void compact_queue_if_mostly_cancelled();
  void run_events(std::int64_t end_ms, bool advance_clock_to_end);
  void run_due_events(std::int64_t end_ms);
  void advance_clock(std::int64_t to_ms);

  std::int64_t now_ms_ = 0;
  /// Earliest time schedule_at accepts: now_ms_, or the target time while observers are being notified.
  std::int64_t earliest_schedulable_ms_ = 0;
  std::uint64_t events_processed_ = 0;
  std::size_t pending_count_ = 0;
  bool stop_requested_ = false;
  bool running_ = false;

  EventQueue queue_;
  std::vector<Slot> slots_;
  std::uint32_t free_slot_head_ = kNoFreeSlot;  ///< first free slot
  TimeAdvanceObservers observers_;
};

}  // namespace delivsim::kernel
