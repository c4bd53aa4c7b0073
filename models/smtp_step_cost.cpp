#include "models/smtp_step_cost.h"

#include <algorithm>
#include <cassert>

namespace delivsim {

bool sends_body(SmtpStep step) {
  return step == SmtpStep::EndOfData;
}

SmtpTimes::SmtpTimes(const ReceiverParams& params)
    : connect_time_(params.connect_time),
      command_time_(params.command_time),
      message_time_(params.message_time) {}

Duration SmtpTimes::connect(RandomEngine& engine) const {
  return std::max(Duration(1), connect_time_(engine));
}

Duration SmtpTimes::transaction(SmtpStep step, RandomEngine& engine) const {
  assert(step == SmtpStep::MailFrom || step == SmtpStep::RcptTo || step == SmtpStep::EndOfData);
  return std::max(Duration(1), (step == SmtpStep::EndOfData ? message_time_ : command_time_)(engine));
}

}  // namespace delivsim
