// The acceptor under both live endpoints: connections handed to the callback, errors naming the option, and
// after a failed accept a wait, unless the failure was the one connection's own.
#include "sim/live/retrying_acceptor.h"

#include <gtest/gtest.h>

#include <stdexcept>

namespace delivsim {
namespace {

namespace asio = boost::asio;
using asio::ip::tcp;

TEST(RetryingAcceptor, HandsEachConnectionToTheCallbackUntilStopped) {
  asio::io_context io;
  int accepted = 0;
  RetryingAcceptor acceptor(io, [&](tcp::socket) { ++accepted; });
  const tcp::endpoint at = acceptor.listen("127.0.0.1", 0, "--listen");
  tcp::socket first(io), second(io);
  first.connect(at);
  second.connect(at);
  while (accepted < 2 && io.run_one_for(std::chrono::seconds(5)) > 0) {
  }
  acceptor.stop();
  io.run_for(std::chrono::seconds(5));
  EXPECT_EQ(accepted, 2);
  EXPECT_TRUE(io.stopped()) << "the acceptor is still busy after stop()";
}

TEST(RetryingAcceptor, ABadAddressIsRefusedNamingTheOption) {
  asio::io_context io;
  RetryingAcceptor acceptor(io, [](tcp::socket) {});
  try {
    acceptor.listen("localhost", 2525, "--metrics");
    FAIL() << "no error";
  } catch (const std::runtime_error& e) {
    EXPECT_STREQ(e.what(), "--metrics: \"localhost\" is not an IP address");
  }
  // A port another acceptor listens on cannot be bound again.
  RetryingAcceptor holder(io, [](tcp::socket) {});
  const std::uint16_t port = holder.listen("127.0.0.1", 0, "--listen").port();
  try {
    acceptor.listen("127.0.0.1", port, "--listen");
    FAIL() << "no error";
  } catch (const std::runtime_error& e) {
    const std::string expected = "--listen 127.0.0.1:" + std::to_string(port) + ": ";
    EXPECT_TRUE(std::string(e.what()).starts_with(expected)) << e.what();
  }
}

TEST(RetryingAcceptor, OutOfDescriptorsWaitsAndAConnectionResetInTheBacklogDoesNot) {
  EXPECT_EQ(accept_retry_after(asio::error::no_descriptors), std::chrono::milliseconds(100));
  EXPECT_EQ(accept_retry_after(boost::system::error_code(ENFILE, boost::system::system_category())),
            std::chrono::milliseconds(100));
  EXPECT_EQ(accept_retry_after(asio::error::connection_aborted), std::chrono::milliseconds(0));
}

}  // namespace
}  // namespace delivsim
