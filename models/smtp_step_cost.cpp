#include "models/smtp_step_cost.h"

#include <algorithm>

namespace delivsim {

bool sends_body(SmtpStep step) {
  return step == SmtpStep::EndOfData;
}

Duration transaction_time(SmtpStep step, const ReceiverParams& params, RandomEngine& engine) {
  switch (step) {
    case SmtpStep::MailFrom:
    case SmtpStep::RcptTo:
      return std::max(Duration(1), sample(params.command_time, engine));
    case SmtpStep::EndOfData:
      return std::max(Duration(1), sample(params.message_time, engine));
    case SmtpStep::Greeting:
    case SmtpStep::None:
      break;
  }
  return Duration(0);
}

}  // namespace delivsim
