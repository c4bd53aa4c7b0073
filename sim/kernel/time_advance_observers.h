#pragma once
/// @file The list of on_time_advance observers a Simulator calls as its clock moves forward.
#include <cstddef>
#include <functional>
#include <memory>
#include <vector>

#include "sim/kernel/sim_time.h"

namespace delivsim::kernel {

/// Registered observers of simulated-time advances. Observers may add or remove observers (themselves
/// included) while being notified: removal takes effect at once, additions from the next notification.
class TimeAdvanceObservers {
 public:
  /// Called with the time being left and the time being entered (`to` > `from`).
  using Observer = std::function<void(SimTime from, SimTime to)>;

  /// Registers `observer`; returns an id for remove(). Ids are never reused.
  std::size_t add(Observer observer);

  /// Unregisters the observer with `id`; unknown or already removed ids are ignored.
  void remove(std::size_t id);

  /// True when no observer is registered.
  bool empty() const { return entries_.empty(); }

  /// Calls every registered observer, in registration order.
  void notify(SimTime from, SimTime to);

 private:
  struct Entry {
    std::size_t id = 0;
    Observer observer;
    bool removed = false;  ///< removed during a notification; erased once it ends
  };

  void erase_removed();

  // Entries are heap-allocated so an observer that registers another one (growing the vector) does not
  // move the std::function that is running.
  std::vector<std::unique_ptr<Entry>> entries_;
  std::size_t next_id_ = 0;
  bool notifying_ = false;
};

}  // namespace delivsim::kernel
