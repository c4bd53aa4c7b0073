#pragma once
/// @file The metrics endpoint of `delivsim serve`: a minimal HTTP/1.0 responder on Boost.Asio that answers
/// every GET with the text a callback gives (the Prometheus text format) and closes. A request is read up to
/// its blank line, at most 8 KiB, within 10 s; anything else gets a 400 and a close.
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <functional>
#include <string>

#include "sim/live/retrying_acceptor.h"

namespace delivsim {

class MetricsHttp {
 public:
  MetricsHttp(boost::asio::io_context& io, std::function<std::string()> body);
  /// Starts listening at `address`:`port`; throws std::runtime_error when it cannot bind.
  boost::asio::ip::tcp::endpoint listen(const std::string& address, std::uint16_t port);
  /// Stops accepting; an exchange under way ends by itself (within its 10 s).
  void stop();

 private:
  /// Reads the request of one accepted connection and answers it.
  void answer(boost::asio::ip::tcp::socket socket);

  boost::asio::io_context& io_;
  std::function<std::string()> body_;
  RetryingAcceptor acceptor_;
};

}  // namespace delivsim
