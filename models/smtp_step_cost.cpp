#include "models/smtp_step_cost.h"

#include <algorithm>
#include <cassert>

namespace delivsim {

bool sends_body(SmtpStep step) {
  return step == SmtpStep::EndOfData;
}

Duration transaction_time(SmtpStep step, const ReceiverParams& params, RandomEngine& engine) {
  assert(step == SmtpStep::MailFrom || step == SmtpStep::RcptTo || step == SmtpStep::EndOfData);
  const DelayDistribution& time = step == SmtpStep::EndOfData ? params.message_time : params.command_time;
  return std::max(Duration(1), sample(time, engine));
}

}  // namespace delivsim
