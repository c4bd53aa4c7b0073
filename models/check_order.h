#pragma once
/// @file The order in which the receiver judges one message: by the SMTP step each check's reply answers in
/// the provider's catalog (a reply at MAIL FROM comes before any RCPT TO judgement, RCPT TO before the end of
/// DATA), checks at the same step in their fixed order below.
#include <array>
#include <cstddef>
#include <cstdint>

#include "models/reply_catalog.h"

namespace delivsim {

/// One check of `Receiver::receive`, in the fixed order that breaks ties between checks at the same step.
enum class ReceiverCheck : std::uint8_t {
  Block,           ///< an identity is blocked: Blocked
  Greylist,        ///< first contact of the triplet: Greylisted
  TransientFault,  ///< a draw: TransientFault
  Authentication,  ///< a failed requirement: its deferral or rejection (the earliest step of those offered)
  LowReputation,   ///< a draw on the combined score: LowReputation
  UnknownUser,     ///< the recipient does not exist: UnknownUser
  RecipientRate,   ///< the recipient is over its rate: RecipientRateLimited
  Quota,           ///< an identity has no quota token: QuotaExceeded
  kCount
};

inline constexpr std::size_t kReceiverCheckCount = static_cast<std::size_t>(ReceiverCheck::kCount);

/// The checks a receiver with `catalog` makes, in judgement order. A check none of whose replies the
/// catalog offers is left out (the receiver never applies it).
class CheckOrder {
 public:
  explicit CheckOrder(const ReplyCatalog& catalog);

  const ReceiverCheck* begin() const { return checks_.data(); }
  const ReceiverCheck* end() const { return checks_.data() + count_; }
  /// The SMTP step a check answers at with `catalog`'s replies (SmtpStep::None: no reply offered).
  static SmtpStep step(ReceiverCheck check, const ReplyCatalog& catalog);

 private:
  std::array<ReceiverCheck, kReceiverCheckCount> checks_{};
  std::size_t count_ = 0;
};

}  // namespace delivsim
