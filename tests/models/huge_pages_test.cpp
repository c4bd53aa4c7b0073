#include "models/huge_pages.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <numeric>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace delivsim {
namespace {

template <class T>
using HugeVector = std::vector<T, HugePageAllocator<T>>;

bool on_huge_page_boundary(const void* block) {
  return reinterpret_cast<std::uintptr_t>(block) % kHugePageBytes == 0;
}

TEST(HugePageAllocatorTest, ABlockOfAHugePageOrMoreStartsOnAHugePage) {
  for (const std::size_t values : {kHugePageBytes / 4, kHugePageBytes / 4 + 1, 3 * kHugePageBytes / 4}) {
    HugeVector<std::uint32_t> table;
    table.reserve(values);
    EXPECT_TRUE(on_huge_page_boundary(table.data())) << values;
    table.resize(values);
    std::iota(table.begin(), table.end(), 0u);  // the whole block is writable
    EXPECT_EQ(table.back(), values - 1);
  }
}

TEST(HugePageAllocatorTest, GrowingIntoHugePagesKeepsTheValues) {
  HugeVector<std::uint64_t> values;
  for (std::uint64_t i = 0; i < kHugePageBytes / 2; ++i) values.push_back(i * 7);  // 4 MiB, from 8 bytes
  EXPECT_TRUE(on_huge_page_boundary(values.data()));
  for (std::uint64_t i = 0; i < values.size(); ++i) ASSERT_EQ(values[i], i * 7);
}

// A sweep's thread or the GUI runs scenario after scenario: their freed one-huge-page blocks serve the next.
TEST(HugePageAllocatorTest, AFreedBlockOfOneHugePageServesTheNextAllocation) {
  void* first = allocate_huge_block(kHugePageBytes);
  void* second = allocate_huge_block(kHugePageBytes);
  free_huge_block(first, kHugePageBytes);
  free_huge_block(second, kHugePageBytes);
  EXPECT_EQ(allocate_huge_block(kHugePageBytes), second);  // the last freed first
  EXPECT_EQ(allocate_huge_block(kHugePageBytes), first);
  free_huge_block(first, kHugePageBytes);
  free_huge_block(second, kHugePageBytes);
}

/// A thread-local table that holds a block of one huge page while it lives.
struct ThreadTable {
  void* block = nullptr;
  ~ThreadTable() {
    if (block != nullptr) free_huge_block(block, kHugePageBytes);
  }
};

// Thread-local (and static) objects are destroyed in the reverse order of their construction: a table made
// before the thread first kept a block is destroyed after the kept blocks went back, and its block must go to
// the C library, not into the kept blocks' ended state (ASan reports a use after free, LeakSanitizer a leak).
TEST(HugePageAllocatorTest, ATableDestroyedAfterTheThreadGaveItsBlocksBackFreesItsBlock) {
  std::thread([] {
    thread_local ThreadTable table;  // constructed first, destroyed last
    table.block = allocate_huge_block(kHugePageBytes);
    free_huge_block(allocate_huge_block(kHugePageBytes), kHugePageBytes);  // the thread keeps a block
  }).join();
}

// Linux marks a range advised to use huge pages with "hg" among its mapping's VmFlags.
TEST(HugePageAllocatorTest, TheBlockIsAdvisedToUseHugePages) {
  if (!std::filesystem::exists("/sys/kernel/mm/transparent_hugepage/enabled"))
    GTEST_SKIP() << "this kernel has no transparent huge pages";
  HugeVector<std::uint32_t> table(kHugePageBytes / 4);
  const auto address = reinterpret_cast<std::uintptr_t>(table.data());
  std::ifstream maps("/proc/self/smaps");
  bool inside = false;
  for (std::string line; std::getline(maps, line);) {
    std::uintptr_t begin = 0, end = 0;
    char dash = 0;
    if (std::istringstream(line) >> std::hex >> begin >> dash >> end && dash == '-') {
      inside = begin <= address && address < end;
    } else if (inside && line.starts_with("VmFlags:")) {
      EXPECT_NE((line + " ").find(" hg "), std::string::npos) << line;
      return;
    }
  }
  FAIL() << "no mapping holds the block";
}

}  // namespace
}  // namespace delivsim
