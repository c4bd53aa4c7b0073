#pragma once
/// @file What an acceptor does when accepting fails, as it does while the process is out of file
/// descriptors (EMFILE): it waits this long before accepting again, the connection left in the listen
/// backlog. Accepting again at once would fail at once, and a client holding connections open would keep
/// the server spinning a core until some closed.
#include <chrono>

namespace delivsim {

inline constexpr std::chrono::milliseconds kAcceptRetryAfter{100};

}  // namespace delivsim
