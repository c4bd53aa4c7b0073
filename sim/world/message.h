#pragma once
/// @file One message in the sender's care, from injection to its end (delivered, bounced, expired).
#include <cstdint>

#include "models/units.h"

namespace delivsim {

/// Kept to 32 bytes: an ESP's backlog holds millions of these (MessageTable). The message's id is its
/// index in the table.
struct Message {
  Duration injected{0};
  Duration first_attempt{-1};   ///< -1 until the first attempt
  std::uint32_t recipient = 0;  ///< recipient index within its traffic source
  std::uint32_t queue = 0;      ///< index of its MTA queue (IP x provider)
  std::uint16_t traffic = 0;    ///< index into Scenario::traffic (at most kMaxTrafficEntries)
  std::uint16_t domain = 0;     ///< index into the world's recipient-domain table
  std::uint16_t failed_attempts = 0;
  std::uint8_t segment = 0;  ///< engagement segment of the recipient (at most kMaxSegments)
  bool unknown_user : 1 = false;
  bool spam_trap : 1 = false;
};
static_assert(sizeof(Message) == 32);

}  // namespace delivsim
