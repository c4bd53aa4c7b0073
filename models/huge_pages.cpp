#include "models/huge_pages.h"

#include <sys/mman.h>

#include <cstdlib>
#include <new>

namespace delivsim {
namespace {

/// The thread's freed blocks of one huge page. Plain data without a destructor, so it stays usable while the
/// thread's (or, on the main thread, the program's) other objects are destroyed, whatever their order: a
/// table destroyed after the blocks went back to the C library frees its own block there.
struct KeptBlocks {
  void* blocks[kKeptHugeBlocks];
  std::size_t count = 0;
  bool thread_ending = false;  ///< set once the blocks went back: keep nothing more
};
constinit thread_local KeptBlocks kept{};

/// Gives the kept blocks back to the C library when the thread ends. Constructed (and so registered to be
/// destroyed) when the thread first keeps a block.
struct GiveBackAtThreadEnd {
  void arm() {}
  ~GiveBackAtThreadEnd() {
    for (std::size_t i = 0; i < kept.count; ++i) std::free(kept.blocks[i]);
    kept.count = 0;
    kept.thread_ending = true;
  }
};
thread_local GiveBackAtThreadEnd give_back_at_thread_end;

}  // namespace

void* allocate_huge_block(std::size_t bytes) {
  if (bytes == kHugePageBytes && kept.count > 0) return kept.blocks[--kept.count];
  const std::size_t rounded = (bytes + kHugePageBytes - 1) / kHugePageBytes * kHugePageBytes;
  void* block = std::aligned_alloc(kHugePageBytes, rounded);
  if (block == nullptr) throw std::bad_alloc();
#ifdef MADV_HUGEPAGE
  static_cast<void>(madvise(block, rounded, MADV_HUGEPAGE));  // only a hint
#endif
  return block;
}

void free_huge_block(void* block, std::size_t bytes) noexcept {
  if (bytes == kHugePageBytes && !kept.thread_ending && kept.count < kKeptHugeBlocks) {
    give_back_at_thread_end.arm();
    kept.blocks[kept.count++] = block;
  } else {
    std::free(block);
  }
}

}  // namespace delivsim
