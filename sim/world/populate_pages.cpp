#include "sim/world/populate_pages.h"

#include <sys/mman.h>
#include <unistd.h>

#include <cstdint>

namespace delivsim {

void populate_pages_for_writing(void* begin, std::size_t bytes) noexcept {
#ifdef MADV_POPULATE_WRITE
  static const auto page_bytes = static_cast<std::uintptr_t>(sysconf(_SC_PAGESIZE));
  // madvise takes whole pages: those entirely inside the range (the partial ones at its ends fault in).
  const auto first = (reinterpret_cast<std::uintptr_t>(begin) + page_bytes - 1) / page_bytes * page_bytes;
  const auto end = (reinterpret_cast<std::uintptr_t>(begin) + bytes) / page_bytes * page_bytes;
  if (end > first)
    static_cast<void>(madvise(reinterpret_cast<void*>(first), end - first, MADV_POPULATE_WRITE));
#else
  static_cast<void>(begin);
  static_cast<void>(bytes);
#endif
}

}  // namespace delivsim
