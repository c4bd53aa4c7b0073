#include "sim/live/metrics_http.h"

#include <boost/asio/read_until.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/streambuf.hpp>
#include <boost/asio/write.hpp>
#include <memory>

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
    : io_(io),
      body_(std::move(body)),
      acceptor_(io, [this](tcp::socket socket) { answer(std::move(socket)); }) {}

tcp::endpoint MetricsHttp::listen(const std::string& address, std::uint16_t port) {
  return acceptor_.listen(address, port, "--metrics");
}

void MetricsHttp::stop() {
  acceptor_.stop();
}

void MetricsHttp::answer(tcp::socket socket) {
  auto exchange = std::make_shared<Exchange>(std::move(socket), io_);
  exchange->timer.expires_after(std::chrono::seconds(10));
  exchange->timer.async_wait([weak = std::weak_ptr<Exchange>(exchange)](boost::system::error_code timer_ec) {
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
}

}  // namespace delivsim
