#pragma once
/// @file What one SMTP transaction costs the sender, by the step its reply answers (docs/model.md 4.2): a
/// reply at MAIL FROM or RCPT TO comes after the envelope's round trip and no body is sent; a reply at end of
/// DATA comes after the whole message, body included.
#include "models/delay_distribution.h"
#include "models/random.h"
#include "models/receiver_params.h"
#include "models/reply_catalog.h"
#include "models/units.h"

namespace delivsim {

/// True when the sender transmits the message body before the reply (end of DATA, acceptance included).
bool sends_body(SmtpStep step);

/// A receiver's SMTP timings (ReceiverParams' connect_time, command_time and message_time), prepared once
/// for the draws of every connection and attempt of a run.
class SmtpTimes {
 public:
  explicit SmtpTimes(const ReceiverParams& params);
  /// Time to set up a connection up to the greeting: one draw of `connect_time` (at least 1 ms).
  Duration connect(RandomEngine& engine) const;
  /// Time from MAIL FROM to a reply at `step`: one draw of `message_time` at end of DATA, of `command_time`
  /// at MAIL FROM or RCPT TO (at least 1 ms). `step` is one of these three: a greeting reply comes at
  /// connect, before any transaction (the world settles it there).
  Duration transaction(SmtpStep step, RandomEngine& engine) const;

 private:
  DelaySampler connect_time_, command_time_, message_time_;
};

}  // namespace delivsim
