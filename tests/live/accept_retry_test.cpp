// After a failed accept the acceptors wait, unless the failure was the one connection's own.
#include "sim/live/accept_retry.h"

#include <gtest/gtest.h>

namespace delivsim {
namespace {

TEST(AcceptRetry, OutOfDescriptorsWaitsAndAConnectionResetInTheBacklogDoesNot) {
  EXPECT_EQ(accept_retry_after(boost::asio::error::no_descriptors), std::chrono::milliseconds(100));
  EXPECT_EQ(accept_retry_after(boost::system::error_code(ENFILE, boost::system::system_category())),
            std::chrono::milliseconds(100));
  EXPECT_EQ(accept_retry_after(boost::asio::error::connection_aborted), std::chrono::milliseconds(0));
}

}  // namespace
}  // namespace delivsim
