#pragma once
/// @file The kernel's clock type.
#include <chrono>

namespace delivsim::kernel {

/// Simulated time since the scenario start (and simulated durations), in integer milliseconds.
using SimTime = std::chrono::milliseconds;

}  // namespace delivsim::kernel
