#pragma once
/// @file An allocator that backs large blocks with huge pages, for the run's big tables.
#include <sys/mman.h>

#include <cstddef>
#include <cstdlib>
#include <new>

namespace delivsim {

/// The size of a transparent huge page on x86-64 and most arm64 kernels.
inline constexpr std::size_t kHugePageBytes = std::size_t{2} << 20;

/// A std::allocator that gives a block of kHugePageBytes or more on huge-page boundaries, its size rounded
/// up to whole huge pages, and asks Linux to back it with transparent huge pages (MADV_HUGEPAGE; the
/// kernel's default "madvise" mode honours it). Writing fresh memory then takes one page fault per 2 MiB
/// instead of one per 4 KiB: in a virtual machine each 4 KiB fault costs about 5-11 us (this project's
/// machine; bench/README.md), 0.3 us a 4 KiB when mapped as a huge page. Smaller blocks come from the
/// ordinary heap. Where huge pages are off or none is free, the block behaves as ordinary memory.
template <class T>
struct HugePageAllocator {
  using value_type = T;

  HugePageAllocator() = default;
  template <class U>
  HugePageAllocator(const HugePageAllocator<U>&) noexcept {}

  T* allocate(std::size_t n) {
    const std::size_t bytes = n * sizeof(T);
    if (bytes < kHugePageBytes) return static_cast<T*>(::operator new(bytes));
    const std::size_t rounded = (bytes + kHugePageBytes - 1) / kHugePageBytes * kHugePageBytes;
    void* block = std::aligned_alloc(kHugePageBytes, rounded);
    if (block == nullptr) throw std::bad_alloc();
#ifdef MADV_HUGEPAGE
    static_cast<void>(madvise(block, rounded, MADV_HUGEPAGE));  // only a hint
#endif
    return static_cast<T*>(block);
  }

  void deallocate(T* block, std::size_t n) noexcept {
    if (n * sizeof(T) < kHugePageBytes) {
      ::operator delete(block);
    } else {
      std::free(block);
    }
  }

  template <class U>
  bool operator==(const HugePageAllocator<U>&) const noexcept {
    return true;
  }
};

}  // namespace delivsim
