#pragma once
/// @file The live SMTP server: Boost.Asio acceptors and connections around SmtpSession, on one thread (one
/// io_context), so the receivers need no locks. Each connection reads, lets its session answer, writes the
/// replies and only then reads again, so what a client sends is never buffered beyond one read and one line.
/// A connection over the cap is answered 421 and closed; one idle too long, or whose command line or message
/// content takes too long from its first byte (a client trickling bytes), is closed with 421 4.4.2.
/// With a TLS context, EHLO offers STARTTLS and the conversation goes on over TLS after the handshake.
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl/context.hpp>
#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "sim/live/kept_messages.h"
#include "sim/live/live_receiver.h"
#include "sim/live/retrying_acceptor.h"
#include "sim/live/smtp_session.h"

namespace delivsim {

/// One `--listen [PROVIDER=]ADDRESS:PORT`.
struct ListenSpec {
  std::string address = "127.0.0.1";
  std::uint16_t port = 2525;
  std::optional<std::size_t> provider;  ///< index into scenario.providers; nullopt: every provider
};

struct ServerLimits {
  std::size_t max_connections = 1000;  ///< open at once over all listeners
  /// RFC 5321 4.5.3.2.7: a server should wait at least 5 minutes for the next command.
  std::chrono::milliseconds idle_timeout = std::chrono::minutes(5);
  /// From a command line's first byte to its end, or from DATA to the final "." (RFC 5321 4.5.3.2.6 gives a
  /// client 10 minutes for the last).
  std::chrono::milliseconds command_timeout = std::chrono::minutes(10);
  SmtpLimits smtp;
};

class SmtpServer {
 public:
  /// `tls` (may be null: no STARTTLS) and `keep` (may be null: content dropped) must outlive the server.
  SmtpServer(boost::asio::io_context& io, LiveReceiver& live, ServerLimits limits,
             boost::asio::ssl::context* tls = nullptr, KeptMessages* keep = nullptr);
  ~SmtpServer();
  SmtpServer(const SmtpServer&) = delete;
  SmtpServer& operator=(const SmtpServer&) = delete;

  /// Starts accepting on `spec`; throws std::runtime_error naming the address when it cannot bind. Returns
  /// the bound endpoint (port 0 picks a free one).
  boost::asio::ip::tcp::endpoint listen(const ListenSpec& spec);
  /// Stops accepting and closes every open connection.
  void stop();
  std::size_t open_connections() const { return open_; }

 private:
  class Connection;
  /// Starts a conversation on an accepted connection, or refuses it past the connection cap.
  void admit(boost::asio::ip::tcp::socket socket, std::optional<std::size_t> provider);

  boost::asio::io_context& io_;
  LiveReceiver& live_;
  ServerLimits limits_;
  boost::asio::ssl::context* tls_;
  KeptMessages* keep_;
  std::vector<std::unique_ptr<RetryingAcceptor>> listeners_;
  std::vector<std::weak_ptr<Connection>> connections_;
  std::size_t open_ = 0;
  bool stopped_ = false;
};

}  // namespace delivsim
