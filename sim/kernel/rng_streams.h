#pragma once
/// @file Named random substreams derived from one scenario seed.
#include <cstdint>
#include <string_view>

#include <boost/random/mersenne_twister.hpp>

namespace delivsim::kernel {

/// The engine every stream hands out (Boost's, so draws are the same with every standard library).
using Engine = boost::random::mt19937_64;

/// The splitmix64 output function (Steele, Lea, Flood 2014): a bijective 64-bit mixer, for deriving seeds and
/// for hashing an index into random-looking bits.
/// Inline: recipient profiles hash every message's recipient with it.
constexpr std::uint64_t splitmix64(std::uint64_t value) {
  std::uint64_t mixed = value + 0x9e3779b97f4a7c15ULL;
  mixed = (mixed ^ (mixed >> 30)) * 0xbf58476d1ce4e5b9ULL;
  mixed = (mixed ^ (mixed >> 27)) * 0x94d049bb133111ebULL;
  return mixed ^ (mixed >> 31);
}

/// Hands out one independent engine per named entity, all derived from the scenario seed, so adding an
/// entity never shifts another entity's draws.
class RngStreams {
 public:
  /// Streams derived from `scenario_seed`.
  explicit RngStreams(std::uint64_t scenario_seed) : scenario_seed_(scenario_seed) {}

  /// The scenario seed the streams derive from.
  std::uint64_t scenario_seed() const { return scenario_seed_; }

  /// An engine for the entity called `name`; the same (seed, name) always gives the same engine, and adding
  /// another named stream never shifts this one's draws.
  /// `StreamEngine` is any engine seeded by one 64-bit number: the models draw from theirs (models/random.h,
  /// Boost's engine made in bulk, the same draws).
  template <class StreamEngine = Engine>
  StreamEngine stream(std::string_view name) const {
    return StreamEngine(derive_seed(scenario_seed_, name));
  }

  /// The seed used for `name`: splitmix64(splitmix64(scenario_seed) XOR fnv1a_64(name)). Fixed and
  /// portable (no std::hash).
  static std::uint64_t derive_seed(std::uint64_t scenario_seed, std::string_view name);

 private:
  std::uint64_t scenario_seed_;
};

}  // namespace delivsim::kernel
