#pragma once
/// @file The random engine every model draws from. Engines and distributions come from Boost.Random so the
/// same seed gives the same draws with every standard library.
#include <boost/random/mersenne_twister.hpp>

namespace delivsim {

/// 64-bit Mersenne Twister; the kernel hands out one per named entity (see sim/kernel/rng_streams.h).
using RandomEngine = boost::random::mt19937_64;

}  // namespace delivsim
