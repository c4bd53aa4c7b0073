#include "models/zeroed_array.h"

#include <gtest/gtest.h>

#include <cstdint>

namespace delivsim {
namespace {

TEST(ZeroedArray, StartsAtZeroAndKeepsWhatIsWritten) {
  ZeroedArray<std::uint32_t> values(1'000'000);  // large enough to come from the operating system
  ASSERT_EQ(values.size(), 1'000'000u);
  EXPECT_EQ(values[0], 0u);
  EXPECT_EQ(values[999'999], 0u);
  values[123'456] = 7;
  values[999'999] = 9;
  EXPECT_EQ(values[123'456], 7u);
  EXPECT_EQ(values[999'999], 9u);
  EXPECT_EQ(values[123'455], 0u);
  ZeroedArray<std::uint32_t> moved = std::move(values);
  EXPECT_EQ(moved[123'456], 7u);
}

TEST(ZeroedArray, SmallAndEmpty) {
  ZeroedArray<std::uint64_t> small(3);
  EXPECT_EQ(small[0] + small[1] + small[2], 0u);
  const ZeroedArray<std::uint64_t> empty(0);
  EXPECT_EQ(empty.size(), 0u);
}

}  // namespace
}  // namespace delivsim
