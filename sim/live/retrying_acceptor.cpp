#include "sim/live/retrying_acceptor.h"

#include <boost/asio/error.hpp>
#include <stdexcept>

namespace delivsim {

namespace asio = boost::asio;
using asio::ip::tcp;

RetryingAcceptor::RetryingAcceptor(asio::io_context& io, OnAccept on_accept)
    : acceptor_(io), retry_(io), on_accept_(std::move(on_accept)) {}

tcp::endpoint RetryingAcceptor::listen(const std::string& address, std::uint16_t port,
                                       std::string_view option) {
  boost::system::error_code ec;
  const asio::ip::address ip = asio::ip::make_address(address, ec);
  if (ec) throw std::runtime_error(std::string(option) + ": \"" + address + "\" is not an IP address");
  const tcp::endpoint endpoint(ip, port);
  acceptor_.open(endpoint.protocol(), ec);
  if (!ec) acceptor_.set_option(tcp::acceptor::reuse_address(true), ec);
  if (!ec) acceptor_.bind(endpoint, ec);
  if (!ec) acceptor_.listen(asio::socket_base::max_listen_connections, ec);
  if (ec) {
    throw std::runtime_error(std::string(option) + " " + address + ":" + std::to_string(port) + ": " +
                             ec.message());
  }
  accept();
  return acceptor_.local_endpoint();
}

void RetryingAcceptor::stop() {
  stopped_ = true;
  boost::system::error_code ignored;
  acceptor_.close(ignored);
  retry_.cancel();
}

void RetryingAcceptor::accept() {
  acceptor_.async_accept([this](boost::system::error_code ec, tcp::socket socket) {
    if (stopped_) return;
    if (ec) {
      retry_.expires_after(accept_retry_after(ec));
      retry_.async_wait([this](boost::system::error_code wait_ec) {
        if (!wait_ec && !stopped_) accept();
      });
      return;
    }
    on_accept_(std::move(socket));
    accept();
  });
}

std::chrono::milliseconds accept_retry_after(const boost::system::error_code& failure) {
  return failure == asio::error::connection_aborted ? std::chrono::milliseconds(0)
                                                    : std::chrono::milliseconds(100);
}

}  // namespace delivsim
