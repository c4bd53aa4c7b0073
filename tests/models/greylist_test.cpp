#include "models/greylist.h"

#include <gtest/gtest.h>

namespace delivsim {
namespace {

using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;

constexpr GreylistTriplet kTriplet{1, 2, 3};

TEST(GreylistTest, FirstContactIsDeferredAndARetryAfterTheDelayPasses) {
  Greylist greylist(GreylistParams{});  // Postgrey's defaults: 300 s
  EXPECT_FALSE(greylist.admit(kTriplet, Duration(0)));
  EXPECT_FALSE(greylist.admit(kTriplet, seconds(299)));  // a retry inside the delay does not restart it
  EXPECT_TRUE(greylist.admit(kTriplet, seconds(300)));
  EXPECT_TRUE(greylist.admit(kTriplet, hours(30)));  // a passed triplet keeps passing
  EXPECT_EQ(greylist.triplet_count(), 1u);
}

TEST(GreylistTest, EachPartOfTheTripletCounts) {
  Greylist greylist(GreylistParams{});
  EXPECT_FALSE(greylist.admit(kTriplet, Duration(0)));
  EXPECT_TRUE(greylist.admit(kTriplet, minutes(10)));
  EXPECT_FALSE(greylist.admit({9, 2, 3}, minutes(10)));  // another network
  EXPECT_FALSE(greylist.admit({1, 9, 3}, minutes(10)));  // another sender
  EXPECT_FALSE(greylist.admit({1, 2, 9}, minutes(10)));  // another recipient
  EXPECT_EQ(greylist.triplet_count(), 4u);
}

TEST(GreylistTest, AFirstRetryAfterTheRetryWindowStartsAgain) {
  Greylist greylist(GreylistParams{});  // retry window 2 days
  EXPECT_FALSE(greylist.admit(kTriplet, Duration(0)));
  EXPECT_FALSE(greylist.admit(kTriplet, hours(49)));  // too late: first contact again
  EXPECT_FALSE(greylist.admit(kTriplet, hours(49) + seconds(299)));
  EXPECT_TRUE(greylist.admit(kTriplet, hours(49) + seconds(300)));
}

TEST(GreylistTest, ATripletUnseenForMaxAgeIsForgotten) {
  Greylist greylist(GreylistParams{});  // max-age 35 days
  EXPECT_FALSE(greylist.admit(kTriplet, Duration(0)));
  EXPECT_TRUE(greylist.admit(kTriplet, minutes(5)));
  EXPECT_TRUE(greylist.admit(kTriplet, minutes(5) + hours(24 * 35)));  // seen within max-age
  EXPECT_FALSE(greylist.admit(kTriplet, minutes(6) + hours(24 * 70)));
}

TEST(GreylistTest, AClientNetworkIsWhitelistedAfterItsPasses) {
  GreylistParams params;
  params.auto_whitelist_after = 2;
  Greylist greylist(params);
  for (std::uint32_t recipient = 0; recipient < 2; ++recipient) {
    EXPECT_FALSE(greylist.admit({1, 2, recipient}, Duration(0)));
    EXPECT_TRUE(greylist.admit({1, 2, recipient}, minutes(5)));
  }
  EXPECT_TRUE(greylist.admit({1, 7, 99}, minutes(6)));   // whitelisted: any sender, any recipient
  EXPECT_FALSE(greylist.admit({4, 7, 99}, minutes(6)));  // not another network
  EXPECT_EQ(greylist.triplet_count(), 3u);               // the whitelisted contact left no entry
}

TEST(GreylistTest, ZeroAutoWhitelistNeverWhitelists) {
  GreylistParams params;
  params.auto_whitelist_after = 0;
  Greylist greylist(params);
  for (std::uint32_t recipient = 0; recipient < 10; ++recipient) {
    greylist.admit({1, 2, recipient}, Duration(0));
    EXPECT_TRUE(greylist.admit({1, 2, recipient}, minutes(5)));
  }
  EXPECT_FALSE(greylist.admit({1, 2, 10}, minutes(5)));
}

TEST(GreylistTest, LooksUpIpv4ClientsByTheirSlash24) {
  EXPECT_EQ(greylist_network("192.0.2.17"), "192.0.2");
  EXPECT_EQ(greylist_network("192.0.2.200"), greylist_network("192.0.2.1"));
  EXPECT_NE(greylist_network("192.0.3.1"), greylist_network("192.0.2.1"));
  EXPECT_EQ(greylist_network("2001:db8::1"), "2001:db8::1");
}

}  // namespace
}  // namespace delivsim
