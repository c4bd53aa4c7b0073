#pragma once
/// @file The fixed properties of a traffic source's recipients (domain, unknown user, spam trap, engagement
/// segment), each a hash of the recipient's index under the source's key, so a recipient is the same person
/// on every message, and the list's shares are the expected shares of its recipients.
#include <cstdint>
#include <vector>

#include "sim/scenario/scenario.h"

namespace delivsim {

/// What one recipient is, for the whole run.
struct RecipientProfile {
  std::uint16_t domain = 0;  ///< index into the traffic's domain mix
  std::uint8_t segment = 0;  ///< index into the list's engagement segments
  bool unknown_user = false;
  bool spam_trap = false;
};

/// The recipients of one traffic source.
class RecipientProfiles {
 public:
  /// `key` is the source's own (e.g. derived from the run's seed and the source's name), so the profiles
  /// do not depend on any other source or on the order of draws. `spec` must outlive this object.
  RecipientProfiles(const TrafficSpec& spec, std::uint64_t key);

  /// Writes the profile of recipient `recipient` into `out`: three uniforms hashed from (key, index) pick
  /// the domain by `domain_mix`, unknown / spam trap by the list's shares, and the segment by the segment
  /// shares. Written field by field rather than returned: GCC returned the 6-byte profile in a register
  /// built on the stack from narrow stores, and its wider loads waited for them (perf put 63% of this
  /// function's samples there in bench-10m).
  void fill(std::uint32_t recipient, RecipientProfile& out) const;
  /// The profile of recipient `recipient`, as fill() writes it.
  RecipientProfile of(std::uint32_t recipient) const {
    RecipientProfile profile;
    fill(recipient, profile);
    return profile;
  }

 private:
  const ListQuality* list_;
  std::uint64_t key_;
  std::vector<double> domain_cumulative_;
  std::vector<double> segment_cumulative_;
};

}  // namespace delivsim
