#include "sim/kernel/rng_streams.h"

namespace delivsim::kernel {
namespace {

/// 64-bit FNV-1a hash of the bytes of `text`.
std::uint64_t fnv1a_64(std::string_view text) {
  constexpr std::uint64_t kOffsetBasis = 0xcbf29ce484222325ULL;
  constexpr std::uint64_t kPrime = 0x100000001b3ULL;
  std::uint64_t hash = kOffsetBasis;
  for (const char character : text) {
    hash ^= static_cast<unsigned char>(character);
    hash *= kPrime;
  }
  return hash;
}

}  // namespace

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
