#include "sim/kernel/time_advance_observers.h"

#include <algorithm>

namespace delivsim::kernel {

std::size_t TimeAdvanceObservers::add(Observer observer) {
  const std::size_t id = next_id_++;
  entries_.push_back(std::make_unique<Entry>(Entry{id, std::move(observer), false}));
  return id;
}

void TimeAdvanceObservers::remove(std::size_t id) {
  const auto found =
      std::find_if(entries_.begin(), entries_.end(), [id](const auto& entry) { return entry->id == id; });
  if (found == entries_.end()) return;
  if (notifying_) {
    (*found)->removed = true;  // it may be the observer running right now: erase it after the loop
  } else {
    entries_.erase(found);
  }
}

void TimeAdvanceObservers::notify(SimTime from, SimTime to) {
  // Resets the flag and erases removed entries even when an observer throws.
  struct NotificationScope {
    TimeAdvanceObservers& observers;
    explicit NotificationScope(TimeAdvanceObservers& list) : observers(list) { observers.notifying_ = true; }
    ~NotificationScope() {
      observers.notifying_ = false;
      observers.erase_removed();
    }
  } scope(*this);

  const std::size_t registered = entries_.size();  // observers added during this call wait for the next one
  for (std::size_t index = 0; index < registered; ++index) {
    Entry& entry = *entries_[index];
    if (!entry.removed) entry.observer(from, to);
  }
}

void TimeAdvanceObservers::erase_removed() {
  std::erase_if(entries_, [](const auto& entry) { return entry->removed; });
}

}  // namespace delivsim::kernel
