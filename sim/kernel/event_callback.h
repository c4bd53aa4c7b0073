#pragma once
/// @file A move-only `void()` callable with inline storage, so scheduling a small lambda never allocates.
#include <cassert>
#include <concepts>
#include <cstddef>
#include <cstring>
#include <memory>
#include <new>
#include <type_traits>
#include <utility>

namespace delivsim::kernel {

/// Type-erased, move-only `void()` callable. Callables of up to kInlineBytes bytes (e.g. a lambda
/// capturing a pointer and a few integers) live inside the object; larger ones go to the heap.
class EventCallback {
 public:
  /// Bytes of inline storage; chosen so a simulator slot (callback + two 32-bit fields) is one 64-byte
  /// cache line.
  static constexpr std::size_t kInlineBytes = 40;

  /// True when a callable of type F is stored inline (no heap allocation).
  template <class F>
  static constexpr bool stored_inline =
      sizeof(F) <= kInlineBytes && alignof(F) <= alignof(void*) && std::is_nothrow_move_constructible_v<F>;

  /// An empty callback; calling it is undefined.
  EventCallback() noexcept = default;

  /// Wraps `callable` (moved or copied in).
  template <class F>
  requires(!std::same_as<std::remove_cvref_t<F>, EventCallback> &&
           std::is_invocable_r_v<void, std::decay_t<F>&>) explicit EventCallback(F&& callable) {
    emplace(std::forward<F>(callable));
  }

  /// Wraps `callable` (moved or copied in) in this callback, which must be empty: built in place, so a
  /// callback can be made where it will live without a move. If that throws, the callback stays empty.
  template <class F>
  requires(!std::same_as<std::remove_cvref_t<F>, EventCallback> &&
           std::is_invocable_r_v<void, std::decay_t<F>&>) void emplace(F&& callable) {
    assert(invoke_ == nullptr);
    using Stored = std::decay_t<F>;
    if constexpr (stored_inline<Stored>) {
      ::new (static_cast<void*>(storage_)) Stored(std::forward<F>(callable));
      invoke_ = &invoke_inline<Stored>;
      // Trivially copyable callables are relocated with memcpy and need no manager.
      if constexpr (!std::is_trivially_copyable_v<Stored>) manage_ = &manage_inline<Stored>;
    } else {
      Stored* on_heap = new Stored(std::forward<F>(callable));
      std::memcpy(storage_, &on_heap, sizeof on_heap);
      invoke_ = &invoke_on_heap<Stored>;
      manage_ = &manage_on_heap<Stored>;
    }
  }

  /// Takes `other`'s callable; `other` becomes empty.
  EventCallback(EventCallback&& other) noexcept { take(other); }

  /// Destroys the held callable, then takes `other`'s; `other` becomes empty.
  EventCallback& operator=(EventCallback&& other) noexcept {
    if (this != &other) {
      reset();
      take(other);
    }
    return *this;
  }

  EventCallback(const EventCallback&) = delete;
  EventCallback& operator=(const EventCallback&) = delete;

  ~EventCallback() { reset(); }

  /// True when a callable is held.
  explicit operator bool() const noexcept { return invoke_ != nullptr; }

  /// Calls the held callable; the callback must not be empty.
  void operator()() {
    assert(invoke_ != nullptr);
    invoke_(storage_);
  }

  /// Destroys the held callable; the callback becomes empty.
  void reset() noexcept {
    if (manage_ != nullptr) manage_(Operation::kDestroy, storage_, nullptr);
    invoke_ = nullptr;
    manage_ = nullptr;
  }

 private:
  enum class Operation { kRelocate, kDestroy };
  using Invoke = void (*)(void* storage);
  /// kRelocate: move-construct into `target` from `source` and destroy `source`; kDestroy: destroy `target`.
  using Manage = void (*)(Operation operation, void* target, void* source) noexcept;

  template <class Stored>
  static void invoke_inline(void* storage) {
    (*std::launder(static_cast<Stored*>(storage)))();
  }

  template <class Stored>
  static void invoke_on_heap(void* storage) {
    (*heap_pointer<Stored>(storage))();
  }

  template <class Stored>
  static void manage_inline(Operation operation, void* target, void* source) noexcept {
    if (operation == Operation::kRelocate) {
      Stored* from = std::launder(static_cast<Stored*>(source));
      ::new (target) Stored(std::move(*from));
      from->~Stored();
    } else {
      std::launder(static_cast<Stored*>(target))->~Stored();
    }
  }

  template <class Stored>
  static void manage_on_heap(Operation operation, void* target, void* source) noexcept {
    if (operation == Operation::kRelocate) {
      std::memcpy(target, source, sizeof(Stored*));
    } else {
      delete heap_pointer<Stored>(target);
    }
  }

  template <class Stored>
  static Stored* heap_pointer(void* storage) {
    Stored* pointer = nullptr;
    std::memcpy(&pointer, storage, sizeof pointer);
    return pointer;
  }

  /// Moves `other`'s callable into this (empty) callback and leaves `other` empty.
  void take(EventCallback& other) noexcept {
    if (other.manage_ != nullptr) {
      other.manage_(Operation::kRelocate, storage_, other.storage_);
    } else if (other.invoke_ != nullptr) {
      std::memcpy(storage_, other.storage_, kInlineBytes);
    }
    invoke_ = std::exchange(other.invoke_, nullptr);
    manage_ = std::exchange(other.manage_, nullptr);
  }

  alignas(void*) std::byte storage_[kInlineBytes];
  Invoke invoke_ = nullptr;
  Manage manage_ = nullptr;  ///< nullptr for a trivially copyable inline callable (relocated by memcpy)
};

}  // namespace delivsim::kernel
