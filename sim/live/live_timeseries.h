#pragma once
/// @file timeseries.csv of a live run, streamed: one row per `timeseries_interval` of model time, written as
/// the model's clock passes each interval's end (never kept in memory). Per provider the interval's
/// attempts, deliveries, deferrals (in all and per transient reply key of its profile) and bounces, then
/// each provider's view of every scenario identity: score, tier and spam rate at the interval's end. The
/// column names are a run's (`gmail.attempts`, `gmail.deferred[421 4.7.28]`, `gmail.ip[203.0.113.10].score`).
#include <cstdint>
#include <map>
#include <ostream>
#include <string>
#include <vector>

#include "models/units.h"
#include "sim/live/live_counters.h"

namespace delivsim {

class LiveReceiver;

class LiveTimeseries {
 public:
  /// Writes the header to `out`; `live` and `out` must outlive it.
  LiveTimeseries(const LiveReceiver& live, std::ostream& out);
  /// Writes the rows of every interval that ended by `now` (model time).
  void catch_up(Duration now);
  /// At the end of a live run: the rows due, then the row of the interval under way (cut short at `now`),
  /// so that the rows add up to the run's counts. Nothing may be written after it.
  void finish(Duration now);
  /// When the next row is due (model time): the end of the interval being counted.
  Duration next_row_at() const { return next_end_; }

 private:
  void write_row(Duration interval_start);

  const LiveReceiver& live_;
  std::ostream& out_;
  Duration interval_;
  Duration next_end_;
  std::vector<std::vector<std::string>> deferral_keys_;  ///< per provider
  std::vector<LiveProviderCounters> at_last_row_;        ///< the counters as the last row left them
};

}  // namespace delivsim
