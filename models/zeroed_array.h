#pragma once
/// @file A fixed-size array of zeros that costs nothing until it is written.
#include <cstddef>
#include <cstdlib>
#include <memory>
#include <new>
#include <type_traits>

namespace delivsim {

/// `size` values of a trivial type, all zero at first, from calloc: a large block comes straight from the
/// operating system as untouched zero pages, so a per-recipient table of a 10-million list is not written
/// (160 MB for bench-10m's four receivers, half a second before its first event) and takes memory only as
/// its recipients are reached. std::vector(size, 0) writes every byte first.
template <class T>
class ZeroedArray {
  static_assert(std::is_trivially_copyable_v<T> && std::is_trivially_destructible_v<T>);

 public:
  explicit ZeroedArray(std::size_t size)
      : values_(size == 0 ? nullptr : static_cast<T*>(std::calloc(size, sizeof(T)))), size_(size) {
    if (size != 0 && values_ == nullptr) throw std::bad_alloc();
  }

  T& operator[](std::size_t index) { return values_.get()[index]; }
  const T& operator[](std::size_t index) const { return values_.get()[index]; }
  std::size_t size() const { return size_; }

 private:
  struct Free {
    void operator()(T* values) const { std::free(values); }
  };
  std::unique_ptr<T, Free> values_;
  std::size_t size_;
};

}  // namespace delivsim
