#include "sim/world/rerun_memory.h"

#include <gtest/gtest.h>
#include <malloc.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <vector>

namespace delivsim {
namespace {

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
constexpr bool kSanitizerAllocator = true;
#else
constexpr bool kSanitizerAllocator = false;
#endif

constexpr std::size_t kMiB = std::size_t{1} << 20;

TEST(RerunMemory, WhatARunFreesStaysForTheNextRunButLargeTablesComeFromTheSystem) {
  if (kSanitizerAllocator) GTEST_SKIP() << "the sanitizer's allocator takes no glibc settings";
  keep_freed_memory_for_reruns();
  // A large table the kept memory cannot hold is mapped: untouched zero pages. (At least twice the block
  // size, e.g. a 2-million list's per-recipient words, and more than the heap has free, which earlier tests
  // in this process may have left.)
  const std::size_t table_bytes =
      std::max(2 * std::size_t{kRerunSystemBlockBytes}, mallinfo2().fordblks + kRerunSystemBlockBytes);
  std::size_t mapped_before = mallinfo2().hblkhd;
  void* table = std::calloc(table_bytes, 1);
  ASSERT_NE(table, nullptr);
  EXPECT_GE(mallinfo2().hblkhd, mapped_before + table_bytes);
  std::free(table);

  mapped_before = mallinfo2().hblkhd;
  std::vector<void*> blocks;
  for (int i = 0; i < 40; ++i) {
    blocks.push_back(std::malloc(kMiB));  // glibc's default maps each of these from the system
    ASSERT_NE(blocks.back(), nullptr);
    std::memset(blocks.back(), 1, kMiB);
  }
  EXPECT_LT(mallinfo2().hblkhd, mapped_before + kMiB) << "blocks under 4 MiB come from the heap";
  for (void* block : blocks) std::free(block);
  EXPECT_GE(mallinfo2().fordblks, 40 * kMiB) << "freed, kept for the next run, not given back";
}

}  // namespace
}  // namespace delivsim
