#pragma once
/// @file FNV-1a hashes: the same value on every platform, standard library and run (std::hash promises none
/// of that), for seeds, recipient keys and colours that must not change between runs or machines.
#include <cstdint>
#include <string_view>

#include "sim/kernel/ascii.h"

namespace delivsim::kernel {

/// 64-bit FNV-1a of the bytes of `text`.
constexpr std::uint64_t fnv1a_64(std::string_view text) {
  std::uint64_t hash = 0xcbf29ce484222325ULL;
  for (const char c : text) hash = (hash ^ static_cast<unsigned char>(c)) * 0x100000001b3ULL;
  return hash;
}

/// fnv1a_64 of `text` with its ASCII letters lower-cased: one value for an address however it is spelt.
constexpr std::uint64_t fnv1a_64_folded(std::string_view text) {
  std::uint64_t hash = 0xcbf29ce484222325ULL;
  for (const char c : text) hash = (hash ^ static_cast<unsigned char>(ascii_lower(c))) * 0x100000001b3ULL;
  return hash;
}

/// 32-bit FNV-1a of the bytes of `text`.
constexpr std::uint32_t fnv1a_32(std::string_view text) {
  std::uint32_t hash = 2166136261u;
  for (const char c : text) hash = (hash ^ static_cast<unsigned char>(c)) * 16777619u;
  return hash;
}

}  // namespace delivsim::kernel
