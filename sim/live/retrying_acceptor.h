#pragma once
/// @file A listening TCP socket that hands every accepted connection to a callback until stop(), which is
/// final. A failed accept, as while the process is out of file descriptors (EMFILE), waits before accepting
/// again, the connection left in the listen backlog: accepting again at once would fail at once, and a client
/// holding connections open would keep the server spinning a core until some closed.
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <chrono>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

namespace delivsim {

class RetryingAcceptor {
 public:
  using OnAccept = std::function<void(boost::asio::ip::tcp::socket)>;

  RetryingAcceptor(boost::asio::io_context& io, OnAccept on_accept);
  RetryingAcceptor(const RetryingAcceptor&) = delete;
  RetryingAcceptor& operator=(const RetryingAcceptor&) = delete;

  /// Binds `address`:`port` and starts accepting. Throws std::runtime_error starting with `option` (the
  /// command-line option that named the address) when the address is not an IP address or cannot be bound.
  /// Returns the bound endpoint (port 0 picks a free one).
  boost::asio::ip::tcp::endpoint listen(const std::string& address, std::uint16_t port,
                                        std::string_view option);
  /// Stops accepting, for good: an accept that had ended before the stop, its handler still queued, does not
  /// accept again (on the closed acceptor that would fail at once, and again, for ever).
  void stop();

 private:
  void accept();

  boost::asio::ip::tcp::acceptor acceptor_;
  boost::asio::steady_timer retry_;  ///< the wait after a failed accept
  OnAccept on_accept_;
  bool stopped_ = false;
};

/// The wait after a failed accept: none when the connection was reset while it waited in the backlog
/// (ECONNABORTED), which says nothing of the next one; 100 ms for anything else.
std::chrono::milliseconds accept_retry_after(const boost::system::error_code& failure);

}  // namespace delivsim
