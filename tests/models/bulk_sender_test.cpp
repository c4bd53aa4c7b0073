// Google's bulk-sender status: 5,000 messages within 24 hours, counted per domain, permanent once reached.
#include "models/bulk_sender.h"

#include <gtest/gtest.h>

namespace delivsim {
namespace {

TEST(BulkSenderStatus, ReachedAtTheThresholdWithin24Hours) {
  BulkSenderStatus status;
  for (int i = 0; i < 4999; ++i) status.count(Duration(0) + std::chrono::minutes(i % 600), 5000);
  EXPECT_FALSE(status.bulk());
  EXPECT_EQ(status.last_24h(), 4999u);
  status.count(std::chrono::hours(23), 5000);
  EXPECT_TRUE(status.bulk());
}

TEST(BulkSenderStatus, MessagesOlderThan24HoursNoLongerCount) {
  BulkSenderStatus status;
  for (int i = 0; i < 4000; ++i) status.count(Duration(0), 5000);
  for (int i = 0; i < 1500; ++i) status.count(std::chrono::hours(24), 5000);  // hour 0 has left the window
  EXPECT_FALSE(status.bulk());
  EXPECT_EQ(status.last_24h(), 1500u);
  for (int i = 0; i < 3500; ++i) status.count(std::chrono::hours(30), 5000);
  EXPECT_TRUE(status.bulk());
}

TEST(BulkSenderStatus, PermanentOnceReached) {
  BulkSenderStatus status;
  for (int i = 0; i < 5000; ++i) status.count(Duration(0), 5000);
  ASSERT_TRUE(status.bulk());
  status.count(std::chrono::days(60), 5000);  // a quiet month later
  EXPECT_TRUE(status.bulk());
  EXPECT_TRUE(BulkSenderStatus(true).bulk());
  EXPECT_FALSE(BulkSenderStatus().bulk());
}

}  // namespace
}  // namespace delivsim
