#pragma once
/// @file One message in the sender's care, from injection to its end (delivered, bounced, expired).
#include <cstdint>

#include "models/units.h"

namespace delivsim {

/// How much more room than the traffic's expected message count the world's message table reserves.
inline constexpr double kMessageReserveMargin = 1.1;

/// Kept small: a million-message run holds a million of these. The message's id is its index.
struct Message {
  Duration injected{0};
  Duration first_attempt{-1};   ///< -1 until the first attempt
  std::uint32_t traffic = 0;    ///< index into Scenario::traffic
  std::uint32_t recipient = 0;  ///< recipient index within its traffic source
  std::uint32_t queue = 0;      ///< index of its MTA queue (IP x provider)
  std::uint16_t domain = 0;     ///< index into the world's recipient-domain table
  std::uint16_t failed_attempts = 0;
  std::uint8_t segment = 0;  ///< engagement segment of the recipient
  bool unknown_user = false;
  bool spam_trap = false;
};

}  // namespace delivsim
