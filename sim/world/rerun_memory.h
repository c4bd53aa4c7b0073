#pragma once
/// @file The allocator setting of a process that runs scenarios again and again (the GUI's what-ifs).

namespace delivsim {

/// Up to this much of the memory a run frees stays with the process for the next run (glibc's
/// M_TRIM_THRESHOLD): a what-if-sized run's whole heap. A larger free gives memory back to the system.
inline constexpr long kRerunKeptBytes = 64L << 20;

/// Blocks from this size up that the kept memory cannot hold come straight from the system, as untouched
/// zero pages (glibc's M_MMAP_THRESHOLD), and go back to it when freed: a long list's per-recipient tables
/// (ZeroedArray) stay untouched where the run does not reach them. Smaller blocks always come from the kept
/// memory. (A run's 2 MiB message and latency chunks are kept apart, by models/huge_pages.h.)
inline constexpr long kRerunSystemBlockBytes = 4L << 20;

/// Makes the process keep freed memory for its next run. glibc's default gives a run's freed blocks back
/// to the system, and the next run then pays a page fault for each 4 KiB it takes again: 13% of
/// whatif-100k's run when the GUI re-runs it after a knob change. Call once at start-up, before any run;
/// nothing happens under another C library or a sanitizer's allocator.
void keep_freed_memory_for_reruns();

}  // namespace delivsim
