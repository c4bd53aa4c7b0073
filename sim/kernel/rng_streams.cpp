#include "sim/kernel/rng_streams.h"

#include "sim/kernel/stable_hash.h"

namespace delivsim::kernel {

std::uint64_t splitmix64(std::uint64_t value) {
  std::uint64_t mixed = value + 0x9e3779b97f4a7c15ULL;
  mixed = (mixed ^ (mixed >> 30)) * 0xbf58476d1ce4e5b9ULL;
  mixed = (mixed ^ (mixed >> 27)) * 0x94d049bb133111ebULL;
  return mixed ^ (mixed >> 31);
}

std::uint64_t RngStreams::derive_seed(std::uint64_t scenario_seed, std::string_view name) {
  return splitmix64(splitmix64(scenario_seed) ^ fnv1a_64(name));
}

}  // namespace delivsim::kernel
