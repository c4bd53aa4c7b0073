#include "sim/live/metrics_http.h"

#include <boost/asio/read_until.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/streambuf.hpp>
#include <boost/asio/write.hpp>
#include <memory>
#include <stdexcept>

#include "sim/live/accept_retry.h"

namespace delivsim {

namespace asio = boost::asio;
using asio::ip::tcp;

namespace {

constexpr std::size_t kMaxRequestBytes = 8 * 1024;

struct Exchange : std::enable_shared_from_this<Exchange> {
  Exchange(tcp::socket s, asio::io_context& io)
      : socket(std::move(s)), timer(io), request(kMaxRequestBytes) {}
  tcp::socket socket;
  asio::steady_timer timer;
  asio::streambuf request;
  std::string response;
};

std::string http_response(std::string_view status, std::string_view content_type, const std::string& body) {
  return "HTTP/1.0 " + std::string(status) + "\r\nContent-Type: " + std::string(content_type) +
         "\r\nContent-Length: " + std::to_string(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
}

}  // namespace

MetricsHttp::MetricsHttp(asio::io_context& io, std::function<std::string()> body)
    : io_(io), body_(std::move(body)), acceptor_(io), retry_(io) {}

tcp::endpoint MetricsHttp::listen(const std::string& address, std::uint16_t port) {
  boost::system::error_code ec;
  const tcp::endpoint endpoint(asio::ip::make_address(address, ec), port);
  if (!ec) acceptor_.open(endpoint.protocol(), ec);
  if (!ec) acceptor_.set_option(tcp::acceptor::reuse_address(true), ec);
  if (!ec) acceptor_.bind(endpoint, ec);
  if (!ec) acceptor_.listen(asio::socket_base::max_listen_connections, ec);
  if (ec) throw std::runtime_error("--metrics " + address + ":" + std::to_string(port) + ": " + ec.message());
  accept();
  return acceptor_.local_endpoint();
}

void MetricsHttp::stop() {
  stopped_ = true;
  boost::system::error_code ignored;
  acceptor_.close(ignored);
  retry_.cancel();
}

void MetricsHttp::accept() {
  acceptor_.async_accept([this](boost::system::error_code ec, tcp::socket socket) {
    // An accept that had ended when stop() ran still comes here, successful: accepting again on the closed
    // acceptor would fail at once, and again, for ever.
    if (stopped_) return;
    if (ec) {  // out of file descriptors, say: try again after a wait
      retry_.expires_after(accept_retry_after(ec));
      retry_.async_wait([this](boost::system::error_code wait_ec) {
        if (!wait_ec && !stopped_) accept();
      });
      return;
    }
    auto exchange = std::make_shared<Exchange>(std::move(socket), io_);
    exchange->timer.expires_after(std::chrono::seconds(10));
    exchange->timer.async_wait(
        [weak = std::weak_ptr<Exchange>(exchange)](boost::system::error_code timer_ec) {
          if (const auto e = weak.lock(); e && !timer_ec) {
            boost::system::error_code ignored;
            e->socket.close(ignored);
          }
        });
    asio::async_read_until(
        exchange->socket, exchange->request, "\r\n\r\n",
        [this, exchange](boost::system::error_code read_ec, std::size_t) {
          const std::string_view start(static_cast<const char*>(exchange->request.data().data()),
                                       exchange->request.size());
          exchange->response = !read_ec && start.starts_with("GET ")
                                   ? http_response("200 OK", "text/plain; version=0.0.4", body_())
                                   : http_response("400 Bad Request", "text/plain", "bad request\n");
          asio::async_write(exchange->socket, asio::buffer(exchange->response),
                            [exchange](boost::system::error_code, std::size_t) {
                              boost::system::error_code ignored;
                              exchange->timer.cancel();
                              exchange->socket.close(ignored);
                            });
        });
    accept();
  });
}

}  // namespace delivsim
