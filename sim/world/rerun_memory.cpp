#include "sim/world/rerun_memory.h"

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace delivsim {

void keep_freed_memory_for_reruns() {
#if defined(__GLIBC__)
  // Setting either turns off glibc's own adjustment of both, so both are set.
  mallopt(M_TRIM_THRESHOLD, static_cast<int>(kRerunKeptBytes));
  mallopt(M_MMAP_THRESHOLD, static_cast<int>(kRerunSystemBlockBytes));
#endif
}

}  // namespace delivsim
