#include "sim/scenario/value_syntax.h"

#include <gtest/gtest.h>

namespace delivsim {
namespace {

class CanonicalIpTest : public ::testing::TestWithParam<std::pair<std::string, std::optional<std::string>>> {
};

TEST_P(CanonicalIpTest, AcceptsAddressesOnly) {
  EXPECT_EQ(canonical_ip_address(GetParam().first), GetParam().second);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, CanonicalIpTest,
    ::testing::Values(std::pair{std::string("203.0.113.10"), std::optional<std::string>("203.0.113.10")},
                      std::pair{std::string("2001:DB8:0::1"), std::optional<std::string>("2001:db8::1")},
                      std::pair{std::string("203.0.113.256"), std::optional<std::string>()},
                      std::pair{std::string("203.0.113"), std::optional<std::string>()},
                      std::pair{std::string("example.com"), std::optional<std::string>()},
                      std::pair{std::string(""), std::optional<std::string>()}));

class DomainNameTest : public ::testing::TestWithParam<std::pair<std::string, std::optional<std::string>>> {};

TEST_P(DomainNameTest, NormalizesHostNames) {
  EXPECT_EQ(normalized_domain_name(GetParam().first), GetParam().second);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, DomainNameTest,
    ::testing::Values(std::pair{std::string("Gmail.COM"), std::optional<std::string>("gmail.com")},
                      std::pair{std::string("mail-1.example.org"),
                                std::optional<std::string>("mail-1.example.org")},
                      std::pair{std::string("localhost"), std::optional<std::string>("localhost")},
                      std::pair{std::string("-bad.com"), std::optional<std::string>()},
                      std::pair{std::string("bad..com"), std::optional<std::string>()},
                      std::pair{std::string("bad.com."), std::optional<std::string>()},
                      std::pair{std::string("sp ace.com"), std::optional<std::string>()},
                      std::pair{std::string("*"), std::optional<std::string>()},
                      std::pair{std::string(64, 'a') + ".com", std::optional<std::string>()}));

class TimestampTest : public ::testing::TestWithParam<std::pair<std::string, std::string>> {};

TEST_P(TimestampTest, ChecksShapeAndCalendar) {
  const auto problem = utc_timestamp_problem(GetParam().first);
  if (GetParam().second.empty()) {
    EXPECT_FALSE(problem) << *problem;
  } else {
    ASSERT_TRUE(problem);
    EXPECT_NE(problem->find(GetParam().second), std::string::npos) << *problem;
  }
}

INSTANTIATE_TEST_SUITE_P(
    Cases, TimestampTest,
    ::testing::Values(std::pair{"2026-01-05T00:00:00Z", ""}, std::pair{"2024-02-29T23:59:59Z", ""},
                      std::pair{"2026-01-05", "form"}, std::pair{"2026-01-05T00:00:00", "form"},
                      std::pair{"2026-01-05 00:00:00Z", "form"},
                      std::pair{"2026-13-01T00:00:00Z", "month 13"},
                      std::pair{"2025-02-29T00:00:00Z", "day 29"}, std::pair{"2026-01-05T24:00:00Z", "hour"},
                      std::pair{"2026-01-05T00:60:00Z", "minute"},
                      std::pair{"2026-01-05T00:00:60Z", "second"},
                      std::pair{"1969-12-31T00:00:00Z", "1970"}));

}  // namespace
}  // namespace delivsim
