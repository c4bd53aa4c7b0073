// Mapping pages ahead of writing them: writes afterwards take no page faults, and any range is safe.
#include "sim/world/populate_pages.h"

#include <gtest/gtest.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <unistd.h>

#include <cstddef>
#include <vector>

namespace delivsim {
namespace {

long minor_faults_so_far() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_minflt;
}

TEST(PopulatePages, WritingPopulatedPagesTakesNoPageFaults) {
  constexpr std::size_t kBytes = 4 << 20;
  void* mapped = mmap(nullptr, kBytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  ASSERT_NE(mapped, MAP_FAILED);
  const auto page_bytes = static_cast<std::size_t>(sysconf(_SC_PAGESIZE));
#ifdef MADV_POPULATE_WRITE
  const bool supported = madvise(mapped, page_bytes, MADV_POPULATE_WRITE) == 0;
#else
  const bool supported = false;
#endif
  if (!supported) {
    munmap(mapped, kBytes);
    GTEST_SKIP() << "this kernel cannot populate pages ahead (MADV_POPULATE_WRITE)";
  }
  auto* bytes = static_cast<unsigned char*>(mapped);
  populate_pages_for_writing(bytes, kBytes);
  const long before = minor_faults_so_far();
  const std::size_t pages = kBytes / page_bytes;
  for (std::size_t at = 0; at < kBytes; at += page_bytes) bytes[at] = 1;
  // Unpopulated, each page faults once. A sanitizer's shadow memory (an eighth of the range) may fault.
  EXPECT_LT(minor_faults_so_far() - before, static_cast<long>(pages / 4));
  munmap(mapped, kBytes);
}

TEST(PopulatePages, RangesNotOnPageBoundariesLeaveTheMemoryAsItWas) {
  std::vector<unsigned char> buffer(300'000, 7);
  populate_pages_for_writing(buffer.data() + 1, buffer.size() - 3);  // partial pages at both ends
  populate_pages_for_writing(buffer.data() + 10, 100);               // no whole page
  populate_pages_for_writing(buffer.data(), 0);
  for (const unsigned char value : buffer) ASSERT_EQ(value, 7);
}

}  // namespace
}  // namespace delivsim
