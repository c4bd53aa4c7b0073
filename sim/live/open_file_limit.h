#pragma once
/// @file The open-file limit `delivsim serve` needs: one descriptor per connection beside a few of its own.
/// Linux starts most processes with a soft limit of 1024 and a higher hard limit; the server raises the soft
/// one as far as its --max-connections needs and the hard one allows.
#include <cstddef>

namespace delivsim {

/// Descriptors the server holds beside its connections: listeners, the metrics endpoint, its output files,
/// a kept message being written, the standard streams, the C libraries' own.
inline constexpr std::size_t kDescriptorsBesideConnections = 64;

/// Raises this process's soft limit on open files (RLIMIT_NOFILE) to `wanted`, or to the hard limit if that
/// is lower; never lowers it. Returns the soft limit in force afterwards.
std::size_t raise_open_file_limit(std::size_t wanted);

}  // namespace delivsim
