#pragma once
/// @file A callback run every interval on an io_context until stop(). stop() is final: a wait that had
/// already ended when stop() ran (its completion queued behind the stop) neither calls back nor waits again,
/// so the io_context runs out of work and `delivsim serve` ends on SIGTERM (a plain timer's cancel() misses
/// that completion, and a callback that re-arms kept the server running for ever).
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <chrono>
#include <functional>

namespace delivsim {

class RepeatingTimer {
 public:
  /// Calls `callback` every `interval`, the first time one interval after construction.
  RepeatingTimer(boost::asio::io_context& io, std::chrono::steady_clock::duration interval,
                 std::function<void()> callback);
  void stop();

 private:
  void arm();

  boost::asio::steady_timer timer_;
  std::chrono::steady_clock::duration interval_;
  std::function<void()> callback_;
  bool stopped_ = false;
};

}  // namespace delivsim
