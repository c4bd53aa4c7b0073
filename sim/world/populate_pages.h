#pragma once
/// @file Mapping memory that is about to be written a range at a time, instead of a page fault per page.
#include <cstddef>

namespace delivsim {

/// Maps the whole pages within [`begin`, `begin` + `bytes`) for writing now (Linux's MADV_POPULATE_WRITE),
/// so that writing them later takes no page fault: one call instead of a fault per 4 KB page, and a fault
/// is costly in a virtual machine (about 4 us on this project's machine, where the message table's and the
/// latency lists' first writes took 5% of bench-1m's run and 6% of whatif-100k's). The memory must be
/// allocated and writable. Only a hint: where the call is missing or fails, the pages fault in as written.
void populate_pages_for_writing(void* begin, std::size_t bytes) noexcept;

}  // namespace delivsim
