#pragma once
/// @file The 64-bit Mersenne Twister (MT19937-64) as Boost.Random gives it, with its outputs made in bulk.
#include <array>
#include <cstddef>
#include <cstdint>

#include "models/mersenne_twister_refill.h"

namespace delivsim {

/// `boost::random::mt19937_64`, draw for draw: the same seeding and the same outputs. Boost twists the state
/// every 312 draws and tempers each output as it is drawn; this twists and tempers all 312 at once, in
/// loops the compiler vectorises, so a draw is a load. A uniform random bit generator for Boost's (and the
/// standard library's) distributions.
class MersenneTwister64 {
 public:
  using result_type = std::uint64_t;
  static constexpr result_type min() { return 0; }
  static constexpr result_type max() { return ~result_type{0}; }
  static constexpr result_type default_seed = 5489;

  /// The state Boost's engine has after `seed(seed)`.
  explicit MersenneTwister64(result_type seed = default_seed);

  result_type operator()() {
    if (next_ == kStateWords) refill();
    return outputs_[next_++];
  }

  friend bool operator==(const MersenneTwister64&, const MersenneTwister64&) = default;

 private:
  static constexpr std::size_t kStateWords = mt19937_64_refill::kStateWords;
  static constexpr std::size_t kShift = mt19937_64_refill::kShift;

  /// Twists the state once and tempers it into the next 312 outputs.
  void refill();

  std::array<result_type, kStateWords> state_{};
  std::array<result_type, kStateWords> outputs_{};
  std::size_t next_ = kStateWords;  ///< index of the next output; kStateWords when all are drawn
};

}  // namespace delivsim
