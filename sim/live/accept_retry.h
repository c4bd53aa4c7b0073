#pragma once
/// @file What an acceptor does when accepting fails, as it does while the process is out of file
/// descriptors (EMFILE): it waits before accepting again, the connection left in the listen backlog.
/// Accepting again at once would fail at once, and a client holding connections open would keep the server
/// spinning a core until some closed.
#include <boost/asio/error.hpp>
#include <chrono>

namespace delivsim {

/// The wait after a failed accept: none when the connection was reset while it waited in the backlog
/// (ECONNABORTED), which says nothing of the next one; 100 ms for anything else.
inline std::chrono::milliseconds accept_retry_after(const boost::system::error_code& failure) {
  return failure == boost::asio::error::connection_aborted ? std::chrono::milliseconds(0)
                                                           : std::chrono::milliseconds(100);
}

}  // namespace delivsim
