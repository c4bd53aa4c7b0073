#pragma once
/// @file A standard allocator whose blocks start on a 64-byte cache-line boundary.
#include <cstddef>
#include <new>

namespace delivsim::kernel {

/// Allocator for containers whose layout is planned around cache lines (see EventHeap).
template <class T>
struct CacheLineAllocator {
  /// Type of the allocated objects.
  using value_type = T;

  /// Alignment of every block, in bytes.
  static constexpr std::size_t kAlignmentBytes = 64;

  /// A stateless allocator.
  CacheLineAllocator() = default;

  /// Rebinding constructor required by the Allocator requirements.
  template <class U>
  explicit CacheLineAllocator(const CacheLineAllocator<U>&) noexcept {}

  /// Storage for `count` objects, 64-byte aligned.
  T* allocate(std::size_t count) {
    return static_cast<T*>(::operator new (count * sizeof(T), std::align_val_t{kAlignmentBytes}));
  }

  /// Frees storage from allocate(`count`).
  void deallocate(T* pointer, std::size_t count) noexcept {
    ::operator delete (pointer, count * sizeof(T), std::align_val_t{kAlignmentBytes});
  }

  /// All instances are interchangeable.
  friend bool operator==(const CacheLineAllocator&, const CacheLineAllocator&) = default;
};

}  // namespace delivsim::kernel
