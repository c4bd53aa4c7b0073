#include "sim/live/repeating_timer.h"

namespace delivsim {

RepeatingTimer::RepeatingTimer(boost::asio::io_context& io, std::chrono::steady_clock::duration interval,
                               std::function<void()> callback)
    : timer_(io), interval_(interval), callback_(std::move(callback)) {
  arm();
}

void RepeatingTimer::stop() {
  stopped_ = true;
  timer_.cancel();
}

void RepeatingTimer::arm() {
  timer_.expires_after(interval_);
  timer_.async_wait([this](boost::system::error_code ec) {
    if (ec || stopped_) return;
    callback_();
    if (!stopped_) arm();  // the callback may have stopped it
  });
}

}  // namespace delivsim
