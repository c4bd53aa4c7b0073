#include "sim/live/smtp_server.h"

#include <array>
#include <boost/asio/read.hpp>
#include <boost/asio/ssl/stream.hpp>
#include <boost/asio/write.hpp>

namespace delivsim {

namespace asio = boost::asio;
using asio::ip::tcp;

class SmtpServer::Connection : public std::enable_shared_from_this<SmtpServer::Connection> {
 public:
  Connection(SmtpServer& server, tcp::socket socket, std::optional<std::size_t> provider)
      : server_(server), socket_(std::move(socket)), timer_(server.io_) {
    boost::system::error_code ec;
    const tcp::endpoint remote = socket_.remote_endpoint(ec);
    judge_ = server_.live_.connect(ec ? std::string() : remote.address().to_string(), provider);
    if (server_.keep_) sink_ = server_.keep_->sink();
    session_.emplace(*judge_, "delivsim", server_.limits_.smtp, server_.tls_ != nullptr, sink_.get());
  }
  ~Connection() { --server_.open_; }

  void start() {
    session_->open();
    write();
  }
  /// Says `reply` and closes, without a session (the connection cap).
  void refuse(std::string reply) {
    session_->output() = std::move(reply) + "\r\n";
    closing_ = true;
    write();
  }
  void close() {
    boost::system::error_code ignored;
    timer_.cancel();
    socket_.shutdown(tcp::socket::shutdown_both, ignored);
    socket_.close(ignored);
  }

 private:
  /// Runs `op` on the stream the conversation is on: the TCP socket, or TLS over it after STARTTLS.
  template <class Op>
  void on_stream(Op op) {
    if (tls_) {
      op(*tls_);
    } else {
      op(socket_);
    }
  }

  void read() {
    arm_timer();
    on_stream([this](auto& stream) {
      stream.async_read_some(asio::buffer(buffer_),
                             [self = shared_from_this()](boost::system::error_code ec, std::size_t n) {
                               if (ec) return self->close();
                               self->server_.live_.advance();
                               self->session_->receive(std::string_view(self->buffer_.data(), n));
                               self->note_command_progress();
                               self->write();
                             });
    });
  }

  /// Starts the command clock at a command's (or a message's) first byte and stops it at its end.
  void note_command_progress() {
    if (!session_->mid_command()) {
      command_started_.reset();
    } else if (!command_started_) {
      command_started_ = std::chrono::steady_clock::now();
    }
  }

  /// Sends what the session said, then reads on, starts TLS or closes.
  void write() {
    std::string& output = session_->output();
    const bool closing = closing_ || session_->closing();
    if (output.empty()) {
      if (closing) return close();
      return read();
    }
    pending_ = std::move(output);
    output.clear();
    on_stream([this, closing](auto& stream) {
      asio::async_write(stream, asio::buffer(pending_),
                        [self = shared_from_this(), closing](boost::system::error_code ec, std::size_t) {
                          if (ec || closing) return self->close();
                          if (self->session_->tls_pending()) return self->start_tls();
                          self->read();
                        });
    });
  }

  /// STARTTLS was answered 220: the TLS handshake, then the session starts over on it.
  void start_tls() {
    tls_ = std::make_unique<asio::ssl::stream<tcp::socket&>>(socket_, *server_.tls_);
    command_started_.reset();
    arm_timer();
    tls_->async_handshake(asio::ssl::stream_base::server,
                          [self = shared_from_this()](boost::system::error_code ec) {
                            if (ec) return self->close();
                            self->session_->tls_started();
                            self->read();
                          });
  }

  /// Closes the connection when it stays idle for the idle timeout or its command runs past the command
  /// timeout, whichever comes first. Re-armed at every read, so a stalled write meets the last deadline.
  void arm_timer() {
    auto deadline = std::chrono::steady_clock::now() + server_.limits_.idle_timeout;
    std::string_view reply = "421 4.4.2 delivsim idle timeout, closing connection\r\n";
    if (command_started_ && *command_started_ + server_.limits_.command_timeout < deadline) {
      deadline = *command_started_ + server_.limits_.command_timeout;
      reply = "421 4.4.2 delivsim command timeout, closing connection\r\n";
    }
    timer_.expires_at(deadline);
    timer_.async_wait([weak = weak_from_this(), reply](boost::system::error_code ec) {
      const auto self = weak.lock();
      if (ec || !self) return;
      // The read still pending is cancelled by close(); say why first, best effort and without blocking (a
      // client that reads nothing must not stall the server). Inside TLS the connection just closes.
      if (!self->tls_) {
        boost::system::error_code ignored;
        self->socket_.non_blocking(true, ignored);
        self->socket_.write_some(asio::buffer(reply), ignored);
      }
      self->close();
    });
  }

  SmtpServer& server_;
  tcp::socket socket_;
  std::unique_ptr<asio::ssl::stream<tcp::socket&>> tls_;
  asio::steady_timer timer_;
  std::unique_ptr<ConnectionJudge> judge_;
  std::unique_ptr<MessageSink> sink_;
  std::optional<SmtpSession> session_;
  /// When the command (or message content) under way began; empty between commands.
  std::optional<std::chrono::steady_clock::time_point> command_started_;
  std::array<char, 4096> buffer_{};
  std::string pending_;
  bool closing_ = false;
};

SmtpServer::SmtpServer(asio::io_context& io, LiveReceiver& live, ServerLimits limits, asio::ssl::context* tls,
                       KeptMessages* keep)
    : io_(io), live_(live), limits_(limits), tls_(tls), keep_(keep) {}

SmtpServer::~SmtpServer() {
  stop();
}

tcp::endpoint SmtpServer::listen(const ListenSpec& spec) {
  auto listener = std::make_unique<RetryingAcceptor>(
      io_, [this, provider = spec.provider](tcp::socket socket) { admit(std::move(socket), provider); });
  const tcp::endpoint bound = listener->listen(spec.address, spec.port, "--listen");
  listeners_.push_back(std::move(listener));
  return bound;
}

void SmtpServer::admit(tcp::socket socket, std::optional<std::size_t> provider) {
  ++open_;
  auto connection = std::make_shared<Connection>(*this, std::move(socket), provider);
  std::erase_if(connections_, [](const std::weak_ptr<Connection>& c) { return c.expired(); });
  connections_.push_back(connection);
  if (open_ > limits_.max_connections) {
    connection->refuse("421 4.3.2 delivsim: too many connections, try again later");
  } else {
    connection->start();
  }
}

void SmtpServer::stop() {
  if (stopped_) return;
  stopped_ = true;
  for (auto& listener : listeners_) listener->stop();
  for (const std::weak_ptr<Connection>& weak : connections_) {
    if (const auto connection = weak.lock()) connection->close();
  }
}

}  // namespace delivsim
