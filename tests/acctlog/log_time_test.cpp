#include "sim/acctlog/log_time.h"

#include <gtest/gtest.h>

namespace delivsim::acctlog {
namespace {

constexpr UnixMs k2026_01_15 = 1768435200000;  // 2026-01-15T00:00:00Z

TEST(LogTime, DelivsimsIsoForm) {
  EXPECT_EQ(parse_log_time("2026-01-15T00:00:00Z"), k2026_01_15);
  EXPECT_EQ(parse_log_time("2026-01-15T00:15:00.250Z"), k2026_01_15 + 900'250);
  EXPECT_EQ(parse_log_time("2026-01-15T00:00:00.5Z"), k2026_01_15 + 500);
  EXPECT_EQ(parse_log_time("2026-01-15T00:00:00.123999Z"), k2026_01_15 + 123);
}

TEST(LogTime, PowerMtaFormWithOffsetIsConvertedToUtc) {
  EXPECT_EQ(parse_log_time("2026-01-15 00:00:01-0500"), k2026_01_15 + (5 * 3600 + 1) * 1000);
  EXPECT_EQ(parse_log_time("2026-01-15 05:30:00+05:30"), k2026_01_15);
  EXPECT_EQ(parse_log_time("2026-01-15T00:00:00+0000"), k2026_01_15);
  EXPECT_EQ(parse_log_time("2024-02-29 23:59:59Z"), 1709251199000);
}

TEST(LogTime, UnixSeconds) {
  EXPECT_EQ(parse_log_time("1178807903"), 1178807903000);
  EXPECT_EQ(parse_log_time("0"), 0);
}

TEST(LogTime, OtherTextIsNoTime) {
  for (const char* text :
       {"", "2026-01-15", "2026-01-15 00:00:00", "2026-01-15T00:00:00", "2026-13-01T00:00:00Z",
        "2025-02-29T00:00:00Z", "2026-01-15T24:00:00Z", "2026-01-15T00:60:00Z", "2026-01-15T00:00:00.Z",
        "2026-01-15T00:00:00+2400", "2026-01-15T00:00:00Zjunk", "1969-12-31T23:59:59Z", "-5",
        "12345678901234567890", "1e9", " 2026-01-15T00:00:00Z"}) {
    EXPECT_EQ(parse_log_time(text), std::nullopt) << text;
  }
}

}  // namespace
}  // namespace delivsim::acctlog
