#include "sim/world/recipient_profile.h"

#include "sim/kernel/rng_streams.h"

namespace delivsim {
namespace {

std::vector<double> cumulative(const std::vector<double>& shares) {
  std::vector<double> sums;
  double sum = 0;
  for (double share : shares) sums.push_back(sum += share);
  if (!sums.empty()) sums.back() = 1.0;  // guard against rounding: the last bucket takes the rest
  return sums;
}

/// The first bucket whose cumulative share exceeds `u` (in [0, 1)), the last one at most: the number of
/// sums before the last that are <= u (the sums never decrease, so this is std::upper_bound's answer).
/// Counted without branches: `u` is random, so a binary search's branches are unpredictable, and the lists
/// are short (a traffic's domains, a list's segments).
std::size_t pick(const std::vector<double>& cumulative_shares, double u) {
  std::size_t index = 0;
  for (std::size_t i = 0; i + 1 < cumulative_shares.size(); ++i) index += cumulative_shares[i] <= u ? 1 : 0;
  return index;
}

/// The top 53 bits of `bits` as a number in [0, 1).
double unit_interval(std::uint64_t bits) {
  return static_cast<double>(bits >> 11) * 0x1.0p-53;
}

}  // namespace

RecipientProfiles::RecipientProfiles(const TrafficSpec& spec, std::uint64_t key)
    : list_(&spec.list), key_(key) {
  std::vector<double> domain_shares, segment_shares;
  for (const auto& [domain, share] : spec.domain_mix) domain_shares.push_back(share);
  for (const EngagementSegment& segment : spec.list.segments) segment_shares.push_back(segment.share);
  domain_cumulative_ = cumulative(domain_shares);
  segment_cumulative_ = cumulative(segment_shares);
}

void RecipientProfiles::fill(std::uint32_t recipient, RecipientProfile& out) const {
  const std::uint64_t hash = kernel::splitmix64(key_ ^ kernel::splitmix64(recipient));
  const double domain_u = unit_interval(kernel::splitmix64(hash));
  const double quality_u = unit_interval(kernel::splitmix64(hash + 1));
  const double segment_u = unit_interval(kernel::splitmix64(hash + 2));
  const bool unknown_user = quality_u < list_->unknown_user_share;
  out.domain = static_cast<std::uint16_t>(pick(domain_cumulative_, domain_u));
  out.unknown_user = unknown_user;
  out.spam_trap = !unknown_user && quality_u < list_->unknown_user_share + list_->spam_trap_share;
  out.segment = static_cast<std::uint8_t>(pick(segment_cumulative_, segment_u));
}

}  // namespace delivsim
