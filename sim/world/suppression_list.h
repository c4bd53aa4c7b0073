#pragma once
/// @file A traffic source's suppression list: which of its recipients the sender no longer mails, by the
/// list's `suppress` rules (hard bounces, complainers, unengaged recipients). One byte per recipient.
#include <cstdint>

#include "models/zeroed_array.h"
#include "sim/scenario/scenario.h"

namespace delivsim {

/// What the sender has learned about each recipient of one traffic source, and whether it still mails them.
/// A suppressed recipient stays suppressed for the rest of the run.
class SuppressionList {
 public:
  /// Keeps no per-recipient state when no rule of `rules` is on. `rules.unengaged_after_sends` is at most
  /// kMaxUnengagedSends.
  SuppressionList(const SuppressionRules& rules, std::uint32_t population);

  /// Whether the sender no longer mails `recipient`.
  bool suppressed(std::uint32_t recipient) const {
    return state_.size() != 0 && state_[recipient] == kSuppressed;
  }
  /// A message to `recipient` was answered 550 5.1.1 (the mailbox does not exist).
  void hard_bounced(std::uint32_t recipient);
  /// A complaint from `recipient` reached the sender.
  void complained(std::uint32_t recipient);
  /// A message to `recipient` was delivered; `engaged`: the recipient opened it or marked it "not spam".
  void delivered(std::uint32_t recipient, bool engaged);

 private:
  /// A recipient's byte: the count of delivered messages in a row without engagement, or this mark.
  static constexpr std::uint8_t kSuppressed = 0xFF;

  void suppress(std::uint32_t recipient) { state_[recipient] = kSuppressed; }

  SuppressionRules rules_;
  ZeroedArray<std::uint8_t> state_;  ///< per recipient; empty when no rule is on
};

}  // namespace delivsim
