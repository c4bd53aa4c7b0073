#include "models/recipient_word_table.h"

#include <gtest/gtest.h>

#include <boost/random/mersenne_twister.hpp>
#include <boost/random/uniform_int_distribution.hpp>
#include <cstdint>
#include <limits>
#include <unordered_map>

namespace delivsim {
namespace {

TEST(RecipientWordTable, AddsOnceThenFindsTheSameWord) {
  RecipientWordTable table;
  const auto [word, added] = table.find_or_add(7);
  EXPECT_TRUE(added);
  EXPECT_EQ(*word, 0u);
  *word = 42;
  const auto [again, added_again] = table.find_or_add(7);
  EXPECT_FALSE(added_again);
  EXPECT_EQ(*again, 42u);
  EXPECT_EQ(table.size(), 1u);
}

TEST(RecipientWordTable, FindsOnlyWhatWasAdded) {
  RecipientWordTable table;
  EXPECT_EQ(table.find(7), nullptr);
  *table.find_or_add(7).first = 42;
  ASSERT_NE(table.find(7), nullptr);
  EXPECT_EQ(*table.find(7), 42u);
  EXPECT_EQ(table.find(8), nullptr);
  EXPECT_EQ(table.size(), 1u);
  table.clear();
  EXPECT_EQ(table.find(7), nullptr);
}

TEST(RecipientWordTable, HoldsTheSmallestAndLargestRecipients) {
  RecipientWordTable table;
  constexpr std::uint32_t kLargest = std::numeric_limits<std::uint32_t>::max() - 1;
  *table.find_or_add(0).first = 1;
  *table.find_or_add(kLargest).first = 2;
  EXPECT_EQ(*table.find_or_add(0).first, 1u);
  EXPECT_EQ(*table.find_or_add(kLargest).first, 2u);
  EXPECT_EQ(table.size(), 2u);
}

// Random recipients, many more than the first capacity and with runs of neighbours: the same words as a
// std::unordered_map through every growth, and nothing left after clear() but the capacity.
TEST(RecipientWordTable, SameWordsAsAMapThroughGrowthAndClear) {
  RecipientWordTable table;
  boost::random::mt19937_64 engine(3);
  boost::random::uniform_int_distribution<std::uint32_t> recipient(0, 200'000);
  for (int day = 0; day < 3; ++day) {
    std::unordered_map<std::uint32_t, std::uint32_t> expected;
    for (std::uint32_t call = 0; call < 100'000; ++call) {
      const std::uint32_t r = call % 4 == 0 ? call : recipient(engine);
      const auto [word, added] = table.find_or_add(r);
      const auto [it, inserted] = expected.try_emplace(r, 0);
      ASSERT_EQ(added, inserted) << "call " << call;
      ASSERT_EQ(*word, it->second) << "call " << call;
      *word = it->second = call + 1;
    }
    EXPECT_EQ(table.size(), expected.size());
    const std::size_t bytes = table.capacity_bytes();
    EXPECT_LE(bytes, 4 * 8 * expected.size());  // at least a quarter full
    table.clear();
    EXPECT_EQ(table.size(), 0u);
    EXPECT_EQ(table.capacity_bytes(), bytes);
    EXPECT_TRUE(table.find_or_add(recipient(engine)).second);
    table.clear();
  }
}

}  // namespace
}  // namespace delivsim
