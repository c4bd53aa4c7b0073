#include "sim/kernel/rng_streams.h"

#include "sim/kernel/stable_hash.h"

namespace delivsim::kernel {

std::uint64_t RngStreams::derive_seed(std::uint64_t scenario_seed, std::string_view name) {
  return splitmix64(splitmix64(scenario_seed) ^ fnv1a_64(name));
}

}  // namespace delivsim::kernel
