#include "models/huge_pages.h"

#include <sys/mman.h>

#include <cstdlib>
#include <new>
#include <vector>

namespace delivsim {
namespace {

/// The thread's freed blocks of one huge page, given back to the C library when the thread ends.
struct KeptBlocks {
  std::vector<void*> blocks;
  KeptBlocks() { blocks.reserve(kKeptHugeBlocks); }
  KeptBlocks(const KeptBlocks&) = delete;
  KeptBlocks& operator=(const KeptBlocks&) = delete;
  ~KeptBlocks() {
    for (void* block : blocks) std::free(block);
  }
};

thread_local KeptBlocks kept;

}  // namespace

void* allocate_huge_block(std::size_t bytes) {
  if (bytes == kHugePageBytes && !kept.blocks.empty()) {
    void* block = kept.blocks.back();
    kept.blocks.pop_back();
    return block;
  }
  const std::size_t rounded = (bytes + kHugePageBytes - 1) / kHugePageBytes * kHugePageBytes;
  void* block = std::aligned_alloc(kHugePageBytes, rounded);
  if (block == nullptr) throw std::bad_alloc();
#ifdef MADV_HUGEPAGE
  static_cast<void>(madvise(block, rounded, MADV_HUGEPAGE));  // only a hint
#endif
  return block;
}

void free_huge_block(void* block, std::size_t bytes) noexcept {
  if (bytes == kHugePageBytes && kept.blocks.size() < kKeptHugeBlocks) {
    kept.blocks.push_back(block);  // within the reserved room: no allocation
  } else {
    std::free(block);
  }
}

}  // namespace delivsim
