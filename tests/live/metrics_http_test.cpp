// The metrics endpoint answers GET with the callback's text and, once stopped, leaves the io_context free to
// end (`delivsim serve` on SIGTERM).
#include "sim/live/metrics_http.h"

#include <gtest/gtest.h>

#include <boost/asio/connect.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/write.hpp>
#include <string>

namespace delivsim {
namespace {

namespace asio = boost::asio;
using asio::ip::tcp;

std::string read_all(tcp::socket& socket) {
  std::string text;
  boost::system::error_code ec;
  asio::read(socket, asio::dynamic_buffer(text), ec);
  return text;
}

/// A client on `io` that sends `request` and keeps what comes back until the server closes.
struct Client {
  Client(asio::io_context& io, const tcp::endpoint& at, std::string request_text, int& answered)
      : socket(io), request(std::move(request_text)) {
    socket.connect(at);
    asio::async_write(socket, asio::buffer(request),
                      [this, &answered](boost::system::error_code, std::size_t) {
                        asio::async_read(socket, asio::dynamic_buffer(response),
                                         [&answered](boost::system::error_code, std::size_t) { ++answered; });
                      });
  }
  tcp::socket socket;
  std::string request, response;
};

TEST(MetricsHttp, AnswersAGetWithTheBodyAndAnythingElseWith400) {
  asio::io_context io;
  MetricsHttp metrics(io, [] { return std::string("delivsim_up 1\n"); });
  const tcp::endpoint at = metrics.listen("127.0.0.1", 0);
  int answered = 0;
  Client get(io, at, "GET /metrics HTTP/1.0\r\n\r\n", answered);
  Client post(io, at, "POST /metrics HTTP/1.0\r\n\r\n", answered);
  while (answered < 2 && io.run_one_for(std::chrono::seconds(5)) > 0) {
  }
  metrics.stop();
  io.run_for(std::chrono::seconds(5));
  EXPECT_TRUE(io.stopped()) << "the endpoint is still busy after stop()";
  EXPECT_TRUE(get.response.starts_with("HTTP/1.0 200 OK\r\n")) << get.response;
  EXPECT_TRUE(get.response.ends_with("\r\n\r\ndelivsim_up 1\n")) << get.response;
  EXPECT_TRUE(post.response.starts_with("HTTP/1.0 400 Bad Request\r\n")) << post.response;
}

// Two clients wait in the backlog: accepting the first takes the second at once, its completion queued behind
// the stop (posted from a handler that runs after the reactor's pass). That successful accept on a closed
// acceptor must not accept again: it would fail at once, and again, for ever, and the server never end.
TEST(MetricsHttp, AnAcceptEndedBeforeTheStopDoesNotAcceptAgain) {
  asio::io_context io;
  MetricsHttp metrics(io, [] { return std::string("delivsim_up 1\n"); });
  const tcp::endpoint at = metrics.listen("127.0.0.1", 0);
  asio::io_context client_io;
  tcp::socket first(client_io), second(client_io);
  first.connect(at);
  second.connect(at);
  asio::write(first, asio::buffer(std::string("GET /metrics HTTP/1.0\r\n\r\n")));
  asio::post(io, [&] { asio::post(io, [&] { metrics.stop(); }); });
  io.run_for(std::chrono::seconds(5));
  EXPECT_TRUE(io.stopped()) << "the endpoint is still busy after stop()";
  EXPECT_TRUE(read_all(first).starts_with("HTTP/1.0 200 OK\r\n"));
}

}  // namespace
}  // namespace delivsim
