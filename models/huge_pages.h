#pragma once
/// @file An allocator that backs large blocks with huge pages, for the run's big tables.
#include <cstddef>

namespace delivsim {

/// The size of a transparent huge page on x86-64 and most arm64 kernels.
inline constexpr std::size_t kHugePageBytes = std::size_t{2} << 20;

/// A block of `bytes` (at least kHugePageBytes) on a huge-page boundary, its size rounded up to whole huge
/// pages, that Linux is asked to back with transparent huge pages (MADV_HUGEPAGE; the kernel's default
/// "madvise" mode honours it). Writing fresh memory then takes one page fault per 2 MiB instead of one per
/// 4 KiB: in a virtual machine each 4 KiB costs 5-11 us, 0.3 us as part of a huge page (bench/README.md).
/// Where huge pages are off or none is free, the block is ordinary memory. Throws std::bad_alloc.
void* allocate_huge_block(std::size_t bytes);

/// Gives back a block from allocate_huge_block(`bytes`). A block of one huge page is kept for the thread's
/// next allocation (up to kKeptHugeBlocks of them), so a process that runs scenario after scenario (a
/// sweep's threads, the GUI's what-ifs) does not have the kernel clear and map its tables again each run.
void free_huge_block(void* block, std::size_t bytes) noexcept;

/// Blocks of one huge page a thread keeps after they are freed (32 MiB).
inline constexpr std::size_t kKeptHugeBlocks = 16;

/// A std::allocator whose blocks of kHugePageBytes or more come from allocate_huge_block; smaller blocks
/// come from the ordinary heap.
template <class T>
struct HugePageAllocator {
  using value_type = T;

  HugePageAllocator() = default;
  template <class U>
  HugePageAllocator(const HugePageAllocator<U>&) noexcept {}

  T* allocate(std::size_t n) {
    const std::size_t bytes = n * sizeof(T);
    return static_cast<T*>(bytes < kHugePageBytes ? ::operator new(bytes) : allocate_huge_block(bytes));
  }

  void deallocate(T* block, std::size_t n) noexcept {
    const std::size_t bytes = n * sizeof(T);
    if (bytes < kHugePageBytes) {
      ::operator delete(block);
    } else {
      free_huge_block(block, bytes);
    }
  }

  template <class U>
  bool operator==(const HugePageAllocator<U>&) const noexcept {
    return true;
  }
};

}  // namespace delivsim
